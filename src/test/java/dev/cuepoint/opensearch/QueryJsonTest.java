package dev.cuepoint.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cuepoint.index.Fields;
import dev.cuepoint.index.SearchQuery;
import dev.cuepoint.index.SearchQuery.Occur;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The query model in the cluster's query language, clause by clause (the cluster's answers are
 * compared with the embedded index's by the tests tagged {@code opensearch} and {@code BackendsAgreeTest}).
 */
class QueryJsonTest {
  static JsonNode json(String s) throws Exception {
    return Cluster.JSON.readTree(s.replace('\'', '"'));
  }

  @Test
  void leaves_carry_the_rewrite_edits_gaps_and_boosts() throws Exception {
    SearchQuery q = SearchQuery.bool()
        .add(new SearchQuery.Boost(new SearchQuery.Fuzzy("title", "neuron", 2), 3f), Occur.SHOULD)
        .add(new SearchQuery.Prefix("text.en", "spik"), Occur.SHOULD)
        .add(new SearchQuery.Phrase("text.en", List.of("spike", "timing"), List.of(0, 2), 24), Occur.MUST)
        .add(new SearchQuery.Boost(new SearchQuery.ConstantScore(new SearchQuery.Term("text.en", "a")), 1000f),
            Occur.SHOULD)
        .add(new SearchQuery.Term(Fields.LANG, "en"), Occur.FILTER)
        .add(new SearchQuery.LongRange(Fields.PUBLISHED, 5_000_000_000L, 9_000_000_000L), Occur.FILTER)
        .add(new SearchQuery.MatchNone("nothing"), Occur.MUST_NOT)
        .minimumShouldMatch(1).build();
    String rewrite = "top_terms_blended_freqs_" + SearchQuery.MAX_EXPANSIONS;
    assertEquals(json("{'bool':{"
        + "'should':[{'fuzzy':{'f.title':{'value':'neuron','rewrite':'" + rewrite + "','fuzziness':2,"
        + "'prefix_length':1,'transpositions':true,'boost':3.0}}},"
        + "{'prefix':{'f.text_en':{'value':'spik','rewrite':'" + rewrite + "'}}},"
        + "{'constant_score':{'filter':{'term':{'f.text_en':{'value':'a'}}},'boost':1000.0}}],"
        + "'must':[{'match_phrase':{'f.text_en':{'query':'spike " + Tokens.GAP + " timing ','analyzer':'"
        + Tokens.ANALYZER + "','slop':24}}}],"
        + "'filter':[{'term':{'lang':{'value':'en'}}},{'range':{'published':{'gte':5000000000,'lte':9000000000}}}],"
        + "'must_not':[{'match_none':{}}],"
        + "'minimum_should_match':1}}"), QueryJson.of(q));
  }

  @Test
  void named_clauses_say_their_text_field() {
    SearchQuery q = SearchQuery.bool()
        .add(new SearchQuery.Term("title", "spike"), Occur.SHOULD)
        .add(new SearchQuery.Wildcard("text.de", "sp?ke"), Occur.SHOULD)
        .add(new SearchQuery.Term(Fields.ID, "abc"), Occur.FILTER)
        .build();
    JsonNode named = QueryJson.named(q).path("bool");
    assertEquals("title#0", named.path("should").path(0).path("term").path("f.title").path("_name").asText());
    assertEquals("text.de#1",
        named.path("should").path(1).path("wildcard").path("f.text_de").path("_name").asText());
    assertEquals("text.de", QueryJson.fieldOfName("text.de#1"));
    assertEquals(false, named.path("filter").path(0).path("term").path("id").has("_name"));
  }
}
