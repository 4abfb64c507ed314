package dev.cuepoint.search;

import dev.cuepoint.index.Analyzers;
import dev.cuepoint.index.Fields;
import dev.cuepoint.index.KeywordIndex;
import dev.cuepoint.index.SearchQuery;
import dev.cuepoint.index.SearchQuery.Occur;
import dev.cuepoint.search.QuerySyntax.Kind;
import dev.cuepoint.search.QuerySyntax.Target;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Completions for what a user is typing, from the index's own vocabulary: the last (unfinished) word
 * is completed with words that start with it, most widely used first. When words come before it, a
 * completion that makes a phrase actually said (or shown in a title) in some video ranks first, so
 * "spike tim" offers "spike timing" before "spike time".
 */
public final class Suggestions {
  /** Prefix scans stop after this many vocabulary words, so one typed letter stays cheap. */
  static final int MAX_SCANNED = 20_000;

  /** How many completions of the last word are checked as phrases. */
  private static final int PHRASE_CANDIDATES = 30;

  /** Shorter prefixes than this get no completions: one letter matches half the vocabulary. */
  public static final int MIN_PREFIX = 2;

  /** Longer input gets no completions (it is no longer typing, and would be refused by search). */
  public static final int MAX_INPUT = QuerySyntax.MAX_LENGTH;

  private final KeywordIndex index;

  public Suggestions(KeywordIndex index) {
    this.index = index;
  }

  /**
   * Up to {@code limit} completions of {@code typed}, each the whole text with its last word
   * completed; empty when the input ends in a space or its last word is too short to complete.
   */
  public List<String> complete(String typed, int limit) throws IOException {
    if (limit < 1 || typed == null || typed.length() > MAX_INPUT || typed.isBlank()) {
      return List.of();
    }
    int lastStart = lastWordStart(typed);
    String last = typed.substring(lastStart);
    List<Analyzers.Token> lastTokens = index.analyzers().tokens(Fields.WORDS, last);
    if (lastTokens.size() != 1 || lastTokens.getFirst().text().length() < MIN_PREFIX) {
      return List.of();
    }
    String prefix = lastTokens.getFirst().text();
    String before = typed.substring(0, lastStart);
    String context = before.replaceAll("[\"()]", " ").strip();
    try (KeywordIndex.View view = index.view()) {
      List<Candidate> words = wordsStartingWith(view, prefix);
      List<String> ranked = new ArrayList<>();
      if (QuerySyntax.hasSearchable(context)) {
        ranked.addAll(phrases(view, context, words));
      }
      for (Candidate c : words) {
        ranked.add(c.word());
      }
      Set<String> out = new LinkedHashSet<>();
      for (String word : ranked) {
        if (!word.equals(prefix)) { // what is typed already is no suggestion
          out.add(before + word);
        }
        if (out.size() == limit) {
          break;
        }
      }
      return List.copyOf(out);
    }
  }

  private record Candidate(String word, int docFreq) {}

  /** Where the last word starts: after the last space, quote or bracket. */
  private static int lastWordStart(String typed) {
    int i = typed.length();
    while (i > 0) {
      char c = typed.charAt(i - 1);
      if (Character.isWhitespace(c) || c == '"' || c == '(' || c == ')' || c == ':') {
        break;
      }
      i--;
    }
    // "-word" excludes: complete the word, keep the operator
    return i < typed.length() && typed.charAt(i) == '-' ? i + 1 : i;
  }

  /** Vocabulary words starting with the prefix, by the number of videos using them. */
  private static List<Candidate> wordsStartingWith(KeywordIndex.View view, String prefix) throws IOException {
    List<Candidate> out = new ArrayList<>();
    for (KeywordIndex.Word w : view.wordsStartingWith(prefix, MAX_SCANNED)) {
      out.add(new Candidate(w.word(), w.videos()));
    }
    out.sort(Comparator.comparingInt(Candidate::docFreq).reversed()
        .thenComparingInt(c -> c.word().length())
        .thenComparing(Candidate::word));
    return out;
  }

  /** The candidates that complete a phrase found in some video, most videos first. */
  private List<String> phrases(KeywordIndex.View view, String context, List<Candidate> words)
      throws IOException {
    List<String> fields = new ArrayList<>(List.of(Fields.TITLE, Fields.CHAPTERS));
    fields.addAll(view.transcriptFields());
    KeywordQueries queries = new KeywordQueries(index.analyzers(), fields);
    Map<String, Integer> found = new HashMap<>();
    for (Candidate c : words.subList(0, Math.min(PHRASE_CANDIDATES, words.size()))) {
      QuerySyntax.Term phrase =
          new QuerySyntax.Term(Target.ANY, Kind.PHRASE, context + " " + c.word(), -1);
      SearchQuery.BoolBuilder b = SearchQuery.bool();
      int clauses = 0;
      for (String field : fields) {
        SearchQuery q = queries.inField(phrase, field);
        if (q != null) {
          b.add(q, Occur.SHOULD);
          clauses++;
        }
      }
      int videos = clauses == 0 ? 0 : view.count(b.build());
      if (videos > 0) {
        found.put(c.word(), videos);
      }
    }
    return found.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey)
        .toList();
  }


}
