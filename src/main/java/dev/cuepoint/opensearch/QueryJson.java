package dev.cuepoint.opensearch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cuepoint.index.SearchQuery;
import java.util.List;

/**
 * A {@link SearchQuery} in the OpenSearch query language, so that the cluster runs the query the
 * embedded index runs: each model query becomes the clause the cluster turns into the same Lucene
 * query (term → TermQuery, match_phrase over pre-analysed tokens → PhraseQuery, prefix/wildcard/fuzzy
 * with the same top-terms blended rewrite and {@link SearchQuery#MAX_EXPANSIONS}, bool, constant_score,
 * boosts, range over a long field).
 */
final class QueryJson {
  /** How the model's prefixes, wildcards and fuzzy words expand (see {@link SearchQuery#MAX_EXPANSIONS}). */
  private static final String REWRITE = "top_terms_blended_freqs_" + SearchQuery.MAX_EXPANSIONS;

  private QueryJson() {}

  static ObjectNode of(SearchQuery q) {
    return of(q, null);
  }

  /**
   * Names the clauses on text fields {@code <field>#<n>} ({@code _name}), so that each hit says in
   * which fields it matched ({@code matched_queries}). Each name is unique: the cluster keeps one
   * query per name.
   */
  static ObjectNode named(SearchQuery q) {
    return of(q, new int[1]);
  }

  /** The field a clause name stands for. */
  static String fieldOfName(String name) {
    int hash = name.lastIndexOf('#');
    return hash < 0 ? name : name.substring(0, hash);
  }

  /** @param named the count of names given so far, or null for no names */
  private static ObjectNode of(SearchQuery q, int[] named) {
    ObjectNode out = translate(q, named);
    String field = fieldOf(q);
    if (named != null && field != null && !Names.VALUES.contains(field)) {
      params(out).put("_name", field + "#" + named[0]++);
    }
    return out;
  }

  /** The text field a leaf query searches; null for other queries. */
  private static String fieldOf(SearchQuery q) {
    return switch (q) {
      case SearchQuery.Term t -> t.field();
      case SearchQuery.Phrase p -> p.field();
      case SearchQuery.Prefix p -> p.field();
      case SearchQuery.Wildcard w -> w.field();
      case SearchQuery.Fuzzy f -> f.field();
      default -> null;
    };
  }

  private static ObjectNode translate(SearchQuery q, int[] named) {
    ObjectNode out = Cluster.JSON.createObjectNode();
    switch (q) {
      case SearchQuery.Boost b -> {
        ObjectNode inner = of(b.query(), named);
        params(inner).put("boost", b.boost() * params(inner).path("boost").asDouble(1));
        return inner;
      }
      case SearchQuery.ConstantScore c -> out.putObject("constant_score").set("filter", of(c.query(), named));
      case SearchQuery.Bool b -> {
        ObjectNode bool = out.putObject("bool");
        for (SearchQuery.Clause c : b.clauses()) {
          String occur = switch (c.occur()) {
            case MUST -> "must";
            case SHOULD -> "should";
            case FILTER -> "filter";
            case MUST_NOT -> "must_not";
          };
          ArrayNode list = bool.has(occur) ? (ArrayNode) bool.get(occur) : bool.putArray(occur);
          list.add(of(c.query(), named));
        }
        if (b.minimumShouldMatch() > 0) {
          bool.put("minimum_should_match", b.minimumShouldMatch());
        }
      }
      case SearchQuery.Term t -> out.putObject("term").putObject(Names.of(t.field()))
          .put("value", value(t.field(), t.text()));
      case SearchQuery.Phrase p -> {
        List<String> terms = p.terms();
        List<Integer> positions = p.positions();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < terms.size(); i++) {
          if (i > 0 && positions.get(i).equals(positions.get(i - 1))) {
            throw new IllegalArgumentException("a phrase with two words at one position: " + p);
          }
          for (int gap = i == 0 ? 0 : positions.get(i) - positions.get(i - 1) - 1; gap > 0; gap--) {
            text.append(Tokens.GAP).append(' ');
          }
          text.append(Tokens.escape(terms.get(i))).append(' ');
        }
        out.putObject("match_phrase").putObject(Names.of(p.field()))
            .put("query", text.toString()).put("analyzer", Tokens.ANALYZER).put("slop", p.slop());
      }
      case SearchQuery.Prefix p -> multiTerm(out, "prefix", p.field(), p.prefix());
      case SearchQuery.Wildcard w -> multiTerm(out, "wildcard", w.field(), w.pattern());
      case SearchQuery.Fuzzy f -> multiTerm(out, "fuzzy", f.field(), f.word())
          .put("fuzziness", f.edits()).put("prefix_length", SearchQuery.FUZZY_PREFIX).put("transpositions", true);
      case SearchQuery.LongRange r -> {
        ObjectNode range = out.putObject("range").putObject(Names.of(r.field()));
        range.put("gte", r.from());
        range.put("lte", r.to());
      }
      case SearchQuery.MatchNone m -> out.putObject("match_none");
    }
    return out;
  }

  /** A prefix, wildcard or fuzzy word, expanded by the cluster once per shard as the embedded index does. */
  private static ObjectNode multiTerm(ObjectNode out, String kind, String field, String text) {
    return out.putObject(kind).putObject(Names.of(field)).put("value", value(field, text)).put("rewrite", REWRITE);
  }

  private static String value(String field, String text) {
    return Names.VALUES.contains(field) ? text : Tokens.escape(text);
  }

  /** The object a query's parameters (such as boost) go in: {@code {"term": {"f": {…}}}} → {@code {…}}. */
  private static ObjectNode params(ObjectNode query) {
    String kind = query.fieldNames().next();
    ObjectNode body = (ObjectNode) query.get(kind);
    return switch (kind) {
      case "term", "match_phrase", "prefix", "wildcard", "fuzzy", "range" ->
          (ObjectNode) body.get(body.fieldNames().next());
      default -> body;
    };
  }
}
