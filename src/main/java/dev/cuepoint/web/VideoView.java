package dev.cuepoint.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cuepoint.captions.Cue;
import dev.cuepoint.captions.Word;
import dev.cuepoint.corpus.Chapter;
import dev.cuepoint.corpus.PlaylistEntry;
import dev.cuepoint.corpus.Transcript;
import dev.cuepoint.corpus.Video;
import java.util.List;

/**
 * One video as {@code GET /api/videos/{id}} shows it: times in seconds (as in search results), so
 * the page can seek the player to a cue without converting.
 */
record VideoView(
    String videoId,
    String title,
    String description,
    String channel,
    String url,
    String thumbnailUrl,
    String publishedAt,
    long durationSeconds,
    List<PlaylistView> playlists,
    List<ChapterView> chapters,
    List<TranscriptView> transcripts,
    @JsonInclude(JsonInclude.Include.NON_NULL) String media) {

  record PlaylistView(String id, String title, int position) {}

  record ChapterView(double start, String title) {}

  /**
   * @param kind {@code manual}, {@code auto} (YouTube's speech recognition) or {@code asr-local}
   *     (Cuepoint's own, "transcribed by Cuepoint")
   * @param timedWords how many words carry their own time ({@code GET /api/videos/{id}/words} has them
   *     compactly); 0 when the captions have none
   */
  record TranscriptView(String lang, String kind, int timedWords, List<CueView> cues) {}

  /** @param words word timings, left out when the captions carry none */
  record CueView(
      double start, double end, String text, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<WordView> words) {}

  record WordView(double start, String text) {}

  static VideoView of(Video v) {
    return of(v, true);
  }

  /** @param words whether cues carry their word timings (the bulk of a long lecture's answer) */
  static VideoView of(Video v, boolean words) {
    return new VideoView(
        v.id(),
        v.title(),
        v.description(),
        v.channel(),
        v.url(),
        !v.thumbnailUrl().isEmpty() || v.localOnly() ? v.thumbnailUrl() : "https://i.ytimg.com/vi/" + v.id() + "/mqdefault.jpg",
        v.publishedAt() == null ? null : v.publishedAt().toString(),
        v.durationSeconds(),
        v.playlists().stream().map(VideoView::playlist).toList(),
        v.chapters().stream().map(VideoView::chapter).toList(),
        v.transcripts().stream().map(t -> transcript(t, words)).toList(),
        v.hasMedia() ? MediaFiles.path(v.id()) : null);
  }

  private static PlaylistView playlist(PlaylistEntry p) {
    return new PlaylistView(p.playlistId(), p.playlistTitle(), p.position());
  }

  private static ChapterView chapter(Chapter c) {
    return new ChapterView(seconds(c.startMs()), c.title());
  }

  private static TranscriptView transcript(Transcript t, boolean words) {
    return new TranscriptView(t.language(), kind(t), t.cues().stream().mapToInt(c -> c.words().size()).sum(),
        t.cues().stream().map(c -> cue(c, words)).toList());
  }

  static String kind(Transcript t) {
    return t.kind().json();
  }

  /**
   * One transcript's word timings, compactly: for each cue (in the order of {@code /api/videos/{id}}),
   * a flat array {@code [char, ms, char, ms, …]}: where each word starts in the cue's text and when it
   * is said, in milliseconds after the cue's start. A word runs to the next one's start (less the
   * space between) or to the end of the text. A third of the size of the same timings as objects.
   */
  record WordsView(String videoId, String lang, String kind, List<int[]> cues) {
    static WordsView of(String videoId, Transcript t) {
      return new WordsView(videoId, t.language(), VideoView.kind(t), t.cues().stream().map(WordsView::offsets).toList());
    }

    /** A word not found in the cue's text where expected is left out, not guessed. */
    static int[] offsets(Cue c) {
      int[] out = new int[c.words().size() * 2];
      int n = 0;
      int from = 0;
      for (Word w : c.words()) {
        int at = c.text().indexOf(w.text(), from);
        if (at < 0) {
          continue;
        }
        out[n++] = at;
        out[n++] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, w.startMs() - c.startMs()));
        from = at + w.text().length();
      }
      return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }
  }

  private static CueView cue(Cue c, boolean words) {
    return new CueView(seconds(c.startMs()), seconds(c.endMs()), c.text(),
        words ? c.words().stream().map(VideoView::word).toList() : List.of());
  }

  private static WordView word(Word w) {
    return new WordView(seconds(w.startMs()), w.text());
  }

  private static double seconds(long ms) {
    return ms / 1000.0;
  }
}
