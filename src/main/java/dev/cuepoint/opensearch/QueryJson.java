package dev.cuepoint.opensearch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cuepoint.search.RewriteOnce;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PointRangeQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;

/**
 * The Lucene queries Cuepoint builds, in the OpenSearch query language, so that the cluster runs the
 * same query the embedded index would: each clause below becomes the same Lucene query on the cluster
 * (term → TermQuery, match_phrase over pre-analysed tokens → PhraseQuery, prefix/wildcard/fuzzy with
 * the same top-terms scoring rewrite, bool, constant_score, boosts). A query of any other kind is a
 * programming error, reported as such.
 */
final class QueryJson {
  /** How the embedded index rewrites prefixes, wildcards and fuzzy words (see LuceneQueries). */
  private static final String REWRITE = "top_terms_blended_freqs_";

  private QueryJson() {}

  static ObjectNode of(Query q) {
    return of(q, null);
  }

  /**
   * Names the clauses on text fields {@code <field>#<n>} ({@code _name}), so that each hit says in
   * which fields it matched ({@code matched_queries}). Each name is unique: the cluster keeps one
   * query per name.
   */
  static ObjectNode named(Query q) {
    return of(q, new int[1]);
  }

  /** The field a clause name stands for. */
  static String fieldOfName(String name) {
    int hash = name.lastIndexOf('#');
    return hash < 0 ? name : name.substring(0, hash);
  }

  /** @param named the count of names given so far, or null for no names */
  private static ObjectNode of(Query q, int[] named) {
    ObjectNode out = translate(q, named);
    String field = fieldOf(q);
    if (named != null && field != null && !Names.VALUES.contains(field)) {
      params(out).put("_name", field + "#" + named[0]++);
    }
    return out;
  }

  private static String fieldOf(Query q) {
    return switch (q) {
      case RewriteOnce r -> fieldOf(r.query());
      case TermQuery t -> t.getTerm().field();
      case PhraseQuery p -> p.getField();
      case MultiTermQuery m -> m.getField();
      default -> null;
    };
  }

  private static ObjectNode translate(Query q, int[] named) {
    ObjectNode out = Cluster.JSON.createObjectNode();
    switch (q) {
      case RewriteOnce r -> {
        return translate(r.query(), named); // the cluster expands the word itself, once per shard
      }
      case BoostQuery b -> {
        ObjectNode inner = of(b.getQuery(), named);
        params(inner).put("boost", b.getBoost() * params(inner).path("boost").asDouble(1));
        return inner;
      }
      case ConstantScoreQuery c -> out.putObject("constant_score").set("filter", of(c.getQuery(), named));
      case BooleanQuery b -> {
        ObjectNode bool = out.putObject("bool");
        for (BooleanClause c : b.clauses()) {
          String occur = switch (c.occur()) {
            case MUST -> "must";
            case SHOULD -> "should";
            case FILTER -> "filter";
            case MUST_NOT -> "must_not";
          };
          ArrayNode list = bool.has(occur) ? (ArrayNode) bool.get(occur) : bool.putArray(occur);
          list.add(of(c.query(), named));
        }
        if (b.getMinimumNumberShouldMatch() > 0) {
          bool.put("minimum_should_match", b.getMinimumNumberShouldMatch());
        }
      }
      case TermQuery t -> out.putObject("term").putObject(Names.of(t.getTerm().field()))
          .put("value", value(t.getTerm()));
      case PhraseQuery p -> {
        Term[] terms = p.getTerms();
        int[] positions = p.getPositions();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < terms.length; i++) {
          if (i > 0 && positions[i] == positions[i - 1]) {
            throw new IllegalArgumentException("a phrase with two words at one position: " + p);
          }
          for (int gap = i == 0 ? 0 : positions[i] - positions[i - 1] - 1; gap > 0; gap--) {
            text.append(Tokens.GAP).append(' ');
          }
          text.append(Tokens.escape(terms[i].text())).append(' ');
        }
        out.putObject("match_phrase").putObject(Names.of(p.getField()))
            .put("query", text.toString()).put("analyzer", Tokens.ANALYZER).put("slop", p.getSlop());
      }
      case PrefixQuery p -> multiTerm(out, "prefix", p.getPrefix(), p);
      case WildcardQuery w -> multiTerm(out, "wildcard", w.getTerm(), w);
      case FuzzyQuery f -> {
        ObjectNode o = multiTerm(out, "fuzzy", f.getTerm(), f);
        o.put("fuzziness", f.getMaxEdits()).put("prefix_length", f.getPrefixLength())
            .put("transpositions", f.getTranspositions());
      }
      case PointRangeQuery r when r.getNumDims() == 1 && r.getBytesPerDim() == Long.BYTES -> {
        ObjectNode range = out.putObject("range").putObject(Names.of(r.getField()));
        range.put("gte", LongPoint.decodeDimension(r.getLowerPoint(), 0));
        range.put("lte", LongPoint.decodeDimension(r.getUpperPoint(), 0));
      }
      case MatchNoDocsQuery m -> out.putObject("match_none");
      case MatchAllDocsQuery m -> out.putObject("match_all");
      default -> throw new IllegalArgumentException(
          "no OpenSearch form for " + q.getClass().getSimpleName() + ": " + q);
    }
    return out;
  }

  private static ObjectNode multiTerm(ObjectNode out, String kind, Term term, MultiTermQuery q) {
    if (!(q.getRewriteMethod() instanceof MultiTermQuery.TopTermsBlendedFreqScoringRewrite top)) {
      throw new IllegalArgumentException("no OpenSearch form for the rewrite of " + q);
    }
    return out.putObject(kind).putObject(Names.of(term.field()))
        .put("value", value(term)).put("rewrite", REWRITE + top.getSize());
  }

  private static String value(Term t) {
    String field = t.field();
    return Names.VALUES.contains(field) ? t.text() : Tokens.escape(t.text());
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
