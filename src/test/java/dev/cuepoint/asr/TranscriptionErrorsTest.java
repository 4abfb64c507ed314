package dev.cuepoint.asr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cuepoint.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user is told when a file cannot be transcribed, and that nothing half-done is left as a result. */
class TranscriptionErrorsTest {
  static VoskSpeechToText stt;

  @TempDir Path tmp;

  @BeforeAll
  static void open() throws IOException {
    SpeechAudio.requireTools("ffmpeg", "ffprobe");
    stt = TestRecognizer.open(1);
  }

  @AfterAll
  static void close() {
    if (stt != null) {
      stt.close();
    }
  }

  @Test
  void missing_ffmpeg_is_one_line_saying_how_to_install_it() throws Exception {
    Path wav = SpeechAudio.librivox().getFirst().audio();
    Ffmpeg none = new Ffmpeg(tmp.resolve("no-ffmpeg").toString(), tmp.resolve("no-ffprobe").toString());
    try (VoskSpeechToText withoutFfmpeg = new VoskSpeechToText(new LoudnessEngine(), "x", none, tmp.resolve("work"), 1)) {
      IOException e = assertThrows(IOException.class, () -> withoutFfmpeg.transcribe(wav, SpeechToText.Progress.NONE));
      assertTrue(e.getMessage().contains("is not installed") && e.getMessage().contains("apt-get install ffmpeg"), e.getMessage());
      assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }
  }

  @Test
  void a_file_that_is_not_media_is_named_in_the_message() throws Exception {
    Path notes = Files.writeString(tmp.resolve("lecture notes.mp4"), "these are notes, not a video\n");
    IOException e = assertThrows(IOException.class, () -> stt.transcribe(notes, SpeechToText.Progress.NONE));
    assertTrue(e.getMessage().startsWith(notes.toString() + ": not a media file ffmpeg can read"), e.getMessage());
    assertNoWorkFileFor(notes);
  }

  @Test
  void a_video_without_sound_says_it_has_no_audio_stream() throws Exception {
    Path silent = tmp.resolve("slides.mp4");
    SpeechAudio.run(List.of("ffmpeg", "-nostdin", "-v", "error", "-f", "lavfi", "-i", "testsrc=duration=1:size=160x120:rate=10",
        "-an", "-pix_fmt", "yuv420p", silent.toString()));
    IOException e = assertThrows(IOException.class, () -> stt.transcribe(silent, SpeechToText.Progress.NONE));
    assertEquals(silent + ": has no audio stream, nothing to transcribe", e.getMessage());
  }

  @Test
  void a_missing_file_is_named() {
    Path gone = tmp.resolve("gone.m4a");
    IOException e = assertThrows(IOException.class, () -> stt.transcribe(gone, SpeechToText.Progress.NONE));
    assertEquals(gone + ": no such file", e.getMessage());
  }

  @Test
  void a_truncated_recording_fails_naming_the_file_and_returns_nothing() throws Exception {
    SpeechAudio.requireTools("sox");
    Path whole = ResumeTest.tones(tmp.resolve("beeps.m4a"), 20);
    byte[] bytes = Files.readAllBytes(whole);
    // keep the header, cut the audio: an m4a whose index points past its end
    Path torn = Files.write(tmp.resolve("torn.m4a"), java.util.Arrays.copyOf(bytes, bytes.length / 3));
    try (VoskSpeechToText s = new VoskSpeechToText(new LoudnessEngine(), "x", new Ffmpeg(), tmp.resolve("work"), 1)) {
      IOException e = assertThrows(IOException.class, () -> s.transcribe(torn, SpeechToText.Progress.NONE));
      assertTrue(e.getMessage().startsWith(torn.toString() + ":"), e.getMessage());
    }
  }

  @Test
  void transcribe_command_reports_each_bad_file_and_still_prints_the_good_one() throws Exception {
    Path good = SpeechAudio.librivox().get(1).audio();
    Path bad = Files.writeString(tmp.resolve("notes.wav"), "not audio");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(new String[] {"transcribe", "--data", TestRecognizer.DATA.toString(), bad.toString(), good.toString()},
        new PrintWriter(out, true), new PrintWriter(err, true));
    assertEquals(1, status);
    assertTrue(err.toString().contains("cuepoint transcribe: " + bad + ": not a media file"), err.toString());
    assertTrue(err.toString().contains("1 of 2 files could not be transcribed"), err.toString());
    assertTrue(out.toString().startsWith(good + " (vosk-model-en-us-0.3.45, 0:02, 1 cues)"), out.toString());
    assertTrue(out.toString().contains("00:00:00.240 --> 00:00:02.790  He was not"), out.toString());
  }

  private static void assertNoWorkFileFor(Path media) throws IOException {
    Path work = Checkpoint.fileFor(TestRecognizer.DATA.resolve("transcribing"), media, stt.name());
    assertTrue(!Files.exists(work), "no work file is left for a file that was never transcribed: " + work);
  }
}
