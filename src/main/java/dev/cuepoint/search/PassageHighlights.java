package dev.cuepoint.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Marks, in a passage found by meaning, the words that share a stem with a word of the query, so the
 * reader sees at a glance what the passage has in common with the question. A passage may match with
 * no word in common: then nothing is marked.
 */
final class PassageHighlights {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*");

  /** Words too common to be worth marking. */
  private static final Set<String> STOP = Set.of(
      "the", "and", "for", "are", "but", "not", "you", "all", "any", "can", "had", "her", "was", "one", "our",
      "out", "has", "him", "his", "how", "its", "may", "new", "now", "old", "see", "two", "who", "did", "does",
      "doing", "get", "got", "let", "say", "she", "too", "use", "why", "what", "when", "where", "which", "while",
      "with", "this", "that", "these", "those", "there", "their", "then", "than", "them", "they", "from", "into",
      "have", "been", "being", "were", "will", "would", "should", "could", "about", "just", "some", "such", "only",
      "also", "very", "more", "most", "other", "your", "yours", "mean", "means", "thing", "things", "way", "ways",
      "is", "it", "of", "to", "in", "on", "at", "by", "or", "an", "as", "be", "do", "if", "so", "up", "we", "me",
      "my", "no", "a", "i", "instead", "something", "really", "happen", "happens", "explain", "work", "works");

  private PassageHighlights() {}

  static List<int[]> of(String query, String text) {
    Set<String> stems = new HashSet<>();
    for (String w : words(query)) {
      stems.add(stem(w));
    }
    List<int[]> out = new ArrayList<>();
    if (stems.isEmpty()) {
      return out;
    }
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      String w = m.group().toLowerCase(Locale.ROOT);
      if (w.length() >= 3 && !STOP.contains(w) && stems.contains(stem(w))) {
        out.add(new int[] {m.start(), m.end()});
      }
    }
    return out;
  }

  /** The words of {@code text} worth comparing: lower case, three letters or more, not among the commonest. */
  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      String w = m.group();
      if (w.length() >= 3 && !STOP.contains(w)) {
        out.add(w);
      }
    }
    return out;
  }

  /** A crude English stem: enough to pair "neurons" with "neuron" and "spiking" with "spike". */
  static String stem(String w) {
    w = w.replace('’', '\'');
    if (w.endsWith("'s")) {
      w = w.substring(0, w.length() - 2);
    }
    for (String suffix : new String[] {"ations", "ation", "ings", "ing", "ies", "es", "ed", "ly", "s", "e"}) {
      if (w.endsWith(suffix) && w.length() - suffix.length() >= 3) {
        return w.substring(0, w.length() - suffix.length());
      }
    }
    return w;
  }
}
