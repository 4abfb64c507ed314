package dev.cuepoint.search;

import java.util.Locale;
import java.util.Set;

/**
 * English function words: articles, pronouns, prepositions, conjunctions, auxiliary verbs and their
 * contractions, and the fillers of speech. Two of them near each other ("of the", "that you") are
 * near each other in every lecture, so their closeness tells nothing of where a topic is — and, as
 * their positions fill every transcript, it is the costliest thing a search can check.
 */
final class CommonWords {
  private static final Set<String> ENGLISH = Set.of(
      "a", "an", "the", "this", "that", "these", "those", "some", "any", "each", "every", "all", "both",
      "no", "i", "me", "my", "you", "your", "we", "us", "our", "they", "them", "their", "he", "him",
      "his", "she", "her", "it", "its", "i'm", "i've", "i'd", "i'll", "you're", "you've", "you'd",
      "you'll", "we're", "we've", "we'd", "we'll", "they're", "they've", "it's", "that's", "there's",
      "here's", "what's", "let's", "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "can't",
      "won't", "of", "to", "in", "on", "at", "by", "for", "with", "from", "into", "about", "as", "up",
      "out", "over", "than", "like", "and", "or", "but", "so", "if", "then", "because", "when", "where",
      "while", "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "have",
      "has", "had", "will", "would", "can", "could", "should", "may", "might", "must", "not", "just",
      "there", "here", "what", "which", "who", "how", "why", "very", "also", "too", "now", "really",
      "actually");

  private CommonWords() {}

  /** Whether a word as typed (any case, either apostrophe) is an English function word. */
  static boolean isEnglish(String word) {
    return ENGLISH.contains(word.toLowerCase(Locale.ROOT).replace('\u2019', '\''));
  }
}
