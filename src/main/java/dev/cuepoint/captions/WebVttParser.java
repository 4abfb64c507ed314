package dev.cuepoint.captions;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads WebVTT captions ({@code .vtt}) following the W3C parsing rules
 * (https://www.w3.org/TR/webvtt1/#file-parsing), including YouTube's rolling auto-captions as
 * yt-dlp writes them, whose repeated lines are removed and whose word timing tags are kept as
 * {@link Cue#words()}. Ordinary captions pass through with their text normalized; cues that are
 * empty after removing markup are dropped.
 */
public final class WebVttParser implements CaptionParser {
  /** Far beyond any real caption line, small enough that one line cannot exhaust memory. */
  static final int MAX_LINE_CHARS = 2 * 1024 * 1024;

  private final int maxLineChars;

  public WebVttParser() {
    this(MAX_LINE_CHARS);
  }

  WebVttParser(int maxLineChars) {
    if (maxLineChars < 1) {
      throw new IllegalArgumentException("maxLineChars must be >= 1, got " + maxLineChars);
    }
    this.maxLineChars = maxLineChars;
  }

  @Override
  public List<Cue> parse(Reader in, String source) throws CaptionException, IOException {
    List<VttCue> raw = parseRaw(in, source);
    List<VttCueText> texts = new ArrayList<>(raw.size());
    boolean wordTimed = false;
    for (VttCue cue : raw) {
      VttCueText text = VttCueTextParser.parse(cue.rawText(), cue.startMs());
      texts.add(text);
      wordTimed |= text.timestamped();
    }
    List<Cue> cues =
        VttRollingCaptions.isRolling(texts)
            ? VttRollingCaptions.clean(raw, texts, wordTimed)
            : plain(raw, texts);
    // Files list cues in time order by the spec's rules for authors, but parsers keep file order.
    return cues.stream().sorted(Comparator.comparingLong(Cue::startMs)).toList();
  }

  /**
   * The cues as the W3C parser produces them, in file order, before any cleaning.
   *
   * @throws CaptionException when the file lacks the WEBVTT signature or has an absurdly long line
   */
  List<VttCue> parseRaw(Reader in, String source) throws CaptionException, IOException {
    return new VttFileParser(in, source, maxLineChars).parse();
  }

  private static List<Cue> plain(List<VttCue> raw, List<VttCueText> texts) {
    List<Cue> out = new ArrayList<>(raw.size());
    for (int i = 0; i < raw.size(); i++) {
      VttCue cue = raw.get(i);
      VttCueText text = texts.get(i);
      String clean = text.text();
      if (clean.isEmpty()) {
        continue;
      }
      List<Word> words =
          text.timestamped() ? VttCueText.wordsInOrder(text.lines(), cue.startMs()) : List.of();
      // The spec keeps a cue that ends before it starts (browsers never show it); its words are
      // still in the file, so it is kept as an instant rather than lost.
      long end = VttCueText.endCovering(cue.startMs(), cue.endMs(), words);
      out.add(new Cue(cue.startMs(), end, clean, words));
    }
    return out;
  }
}
