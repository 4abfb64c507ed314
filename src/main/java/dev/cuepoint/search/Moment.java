package dev.cuepoint.search;

import java.util.List;

/**
 * A moment in a video where the query is said (or, for {@code source} title/chapter, shown).
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
 */
public record Moment(
    double start,
    double end,
    String url,
    String text,
    List<int[]> highlights,
    String lang,
    String source,
    String kind) {
  public Moment {
    highlights = List.copyOf(highlights);
  }
}
