package dev.cuepoint.search;

import dev.cuepoint.index.KeywordIndex;
import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How much of a query's wording a passage shares: the query's words (not the commonest, compared by
 * a crude stem as {@link PassageHighlights} marks them), each weighted by how rare it is in the library
 * (inverse document frequency), and the share of that weight the passage holds, from 0 to 1. Hybrid
 * search uses it to pick, among the passages of a video near the question by meaning, those that also
 * use its rare words.
 */
final class WordCover {
  private final Map<String, Double> weights; // stem -> weight
  private final double total;

  private WordCover(Map<String, Double> weights) {
    this.weights = weights;
    this.total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  static WordCover of(String query, KeywordIndex.View view) throws IOException {
    Map<String, Double> weights = new LinkedHashMap<>();
    int videos = Math.max(1, view.videos());
    for (String word : PassageHighlights.words(query)) {
      int df = view.vocabularyCount(word);
      weights.merge(PassageHighlights.stem(word), Math.log(1 + (double) videos / (1 + df)), Math::max);
    }
    return new WordCover(weights);
  }

  /** The share of the query's word weight that {@code text} holds. */
  double of(String text) {
    if (total == 0) {
      return 0;
    }
    Set<String> seen = new HashSet<>();
    for (String w : PassageHighlights.words(text)) {
      seen.add(PassageHighlights.stem(w));
    }
    double have = 0;
    for (Map.Entry<String, Double> e : weights.entrySet()) {
      if (seen.contains(e.getKey())) {
        have += e.getValue();
      }
    }
    return have / total;
  }
}
