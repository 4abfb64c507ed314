package dev.cuepoint.search;

import java.util.List;
import java.util.Set;

/**
 * A moment in a video where the query is said (or, for {@code source} title/chapter, shown), or —
 * for semantic search — a passage that says something close to it.
 *
 * @param start seconds from the start of the video: the start of the first matched word (or its cue)
 * @param end seconds, when the snippet's last matched unit ends
 * @param url a YouTube link that starts playback at the moment
 * @param text the words around the match
 * @param highlights character ranges {@code [from, to)} of the matched words in {@code text}
 * @param lang the language of the transcript it was found in ({@code null} for titles)
 * @param source {@code transcript}, {@code chapter} or {@code title}
 * @param kind for transcripts, {@code manual} (captions people made) or {@code auto} (YouTube's speech
 *     recognition); null otherwise
 * @param match how it was found: {@value #WORDS} (every required word or phrase of the query is in
 *     it), {@value #SOME_WORDS} (only some are) or {@value #MEANING} (by meaning; no word needs to be)
 */
public record Moment(
    double start,
    double end,
    String url,
    String text,
    List<int[]> highlights,
    String lang,
    String source,
    String kind,
    String match) {
  public static final String WORDS = "words";
  public static final String SOME_WORDS = "some-words";
  public static final String MEANING = "meaning";

  /** The values of {@code match}, here and on {@link VideoHit}. */
  static final Set<String> MATCHES = Set.of(WORDS, SOME_WORDS, MEANING);

  public Moment {
    highlights = List.copyOf(highlights);
    if (!MATCHES.contains(match)) {
      throw new IllegalArgumentException("match must be one of " + MATCHES + ", got " + match);
    }
  }
}
