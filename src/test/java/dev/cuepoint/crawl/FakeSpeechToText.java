package dev.cuepoint.crawl;

import dev.cuepoint.asr.SpeechToText;
import dev.cuepoint.asr.Transcription;
import dev.cuepoint.captions.Cue;
import dev.cuepoint.captions.Word;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A hand-written stand-in for Cuepoint's recogniser: "hears" the text the test gives for a file,
 * spaced evenly over the recording's real length (ffprobe), one cue per sentence with word times. It
 * records which files it was asked for, can be told to be interrupted on some, and counts how often it
 * was loaded and closed.
 */
public final class FakeSpeechToText implements SpeechToText {
  public static final String NAME = "fake-recogniser";

  private final Function<Path, String> heard;
  private final Predicate<Path> interruptOn;
  public final List<String> asked = new CopyOnWriteArrayList<>();
  public volatile boolean closed;

  /**
   * @param heard the text spoken in a file (sentences end with '.')
   * @param interruptOn files whose transcription is interrupted, as a stopped import's would be
   */
  public FakeSpeechToText(Function<Path, String> heard, Predicate<Path> interruptOn) {
    this.heard = heard;
    this.interruptOn = interruptOn;
  }

  public FakeSpeechToText(Function<Path, String> heard) {
    this(heard, f -> false);
  }

  @Override
  public Transcription transcribe(Path media, Progress progress) throws IOException, InterruptedException {
    asked.add(media.getFileName().toString());
    if (interruptOn.test(media)) {
      throw new InterruptedException("stopped while transcribing " + media.getFileName());
    }
    long durationMs = Media.durationMs(media);
    progress.update(durationMs / 2, durationMs);
    return new Transcription("en", evenly(heard.apply(media), durationMs), durationMs);
  }

  /** The text's words spread evenly over the duration, a cue per sentence. */
  public static List<Cue> evenly(String text, long durationMs) {
    String[] words = text.trim().split("\\s+");
    if (text.isBlank()) {
      return List.of();
    }
    long step = durationMs / words.length;
    List<Cue> cues = new ArrayList<>();
    List<Word> sentence = new ArrayList<>();
    for (int i = 0; i < words.length; i++) {
      sentence.add(new Word(i * step, words[i]));
      if (words[i].endsWith(".") || i == words.length - 1) {
        String t = String.join(" ", sentence.stream().map(Word::text).toList());
        cues.add(new Cue(sentence.get(0).startMs(), (i + 1) * step, t, sentence));
        sentence = new ArrayList<>();
      }
    }
    return cues;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void close() {
    closed = true;
  }
}
