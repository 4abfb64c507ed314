package dev.cuepoint.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cuepoint.captions.Captions;
import dev.cuepoint.captions.ParsedCaptions;
import dev.cuepoint.corpus.CorpusStore;
import dev.cuepoint.corpus.Transcript;
import dev.cuepoint.corpus.Video;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cuepoint import} of recordings: real WAV files (sox), a real corpus on disk, and a
 * hand-written fake recogniser in place of Vosk.
 */
class RecordingImportTest {
  @TempDir Path tmp;

  static final String SPOKEN = "Spikes travel along the axon. The synapse releases transmitter.";

  final AtomicInteger opened = new AtomicInteger();

  CorpusStore store() {
    return new CorpusStore(tmp.resolve("data"));
  }

  ImportSummary importWith(FakeSpeechToText speech, Path... dirs) throws IOException {
    Captions parsers = Captions.standard();
    try (Transcriber t = new Transcriber(() -> {
      opened.incrementAndGet();
      return speech;
    })) {
      return new YtDlpImporter(store(), f -> {
        ParsedCaptions p = parsers.read(f);
        return new ParsedFile(p.format(), p.cues());
      }, t).importFolders(List.of(dirs));
    }
  }

  static FakeSpeechToText fake() {
    return new FakeSpeechToText(f -> SPOKEN);
  }

  Video stored(String id) throws IOException {
    return store().read(id).orElseThrow(() -> new AssertionError(id + " is not in the corpus"));
  }

  @Test
  void a_recording_named_by_yt_dlp_gets_its_id_and_its_info_json_title_and_a_machine_transcript() throws Exception {
    Path dl = Files.createDirectories(tmp.resolve("dl"));
    Path wav = Media.wav(dl.resolve("Talk on spikes [abcdefghijk].wav"), 4);
    Files.writeString(dl.resolve("Talk on spikes [abcdefghijk].info.json"),
        "{\"id\": \"abcdefghijk\", \"title\": \"Spikes, the talk\", \"_type\": \"video\"}");
    FakeSpeechToText speech = fake();

    ImportSummary s = importWith(speech, dl);

    assertEquals(1, s.added(), s.line());
    assertEquals(List.of(), s.failed());
    Video v = stored("abcdefghijk");
    assertEquals("Spikes, the talk", v.title());
    assertEquals(4, v.durationSeconds(), "the length the transcription measured");
    assertEquals(wav.toAbsolutePath().normalize().toString(), v.media());
    Transcript t = v.transcripts().get(0);
    assertEquals(Transcript.Kind.ASR_LOCAL, t.kind());
    assertEquals("en", t.language());
    assertEquals("cuepoint-asr:Talk on spikes [abcdefghijk].wav", t.source());
    assertEquals(List.of("Spikes travel along the axon.", "The synapse releases transmitter."),
        t.cues().stream().map(c -> c.text()).toList());
    assertEquals(List.of("Talk on spikes [abcdefghijk].wav"), speech.asked);
    String json = Files.readString(store().file("abcdefghijk"), StandardCharsets.UTF_8);
    assertTrue(json.contains("\"kind\": \"asr-local\"") || json.contains("\"kind\":\"asr-local\""), json);
    assertTrue(json.contains("\"media\""), json);
  }

  @Test
  void a_recording_without_an_id_gets_a_stable_id_from_its_path_in_the_folder() throws Exception {
    Path one = Files.createDirectories(tmp.resolve("one/term 1"));
    Media.wav(one.resolve("Lecture 2 - plasticity.wav"), 3);
    Path copy = Files.createDirectories(tmp.resolve("elsewhere/term 1"));
    Files.copy(one.resolve("Lecture 2 - plasticity.wav"), copy.resolve("Lecture 2 - plasticity.wav"));
    Files.copy(one.resolve("Lecture 2 - plasticity.wav"), copy.resolve("Lecture 3 - plasticity.wav"));

    importWith(fake(), tmp.resolve("one"));
    List<String> first = store().ids();
    assertEquals(1, first.size(), first.toString());
    String id = first.get(0);
    assertTrue(Video.ID.matcher(id).matches(), id);
    Video v = stored(id);
    assertEquals("Lecture 2 - plasticity", v.title(), "the file's name, without its extension");
    assertEquals(3, v.durationSeconds());

    FakeSpeechToText again = fake();
    importWith(again, tmp.resolve("elsewhere"));
    List<String> after = store().ids();
    assertEquals(2, after.size(), "the same relative path is the same video; another name is another: " + after);
    assertTrue(after.contains(id));
    assertEquals(List.of("Lecture 3 - plasticity.wav"), again.asked, "the known video is not transcribed again");
    String other = after.stream().filter(x -> !x.equals(id)).findFirst().orElseThrow();
    assertNotEquals(id, other);
    assertEquals(StableIds.of(tmp.resolve("one"), one.resolve("Lecture 2 - plasticity")), id);
  }

  @Test
  void a_folder_without_recordings_loads_no_recogniser() throws Exception {
    Path dl = Files.createDirectories(tmp.resolve("dl"));
    Files.writeString(dl.resolve("abcdefghijk.en.vtt"), "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nHello there.\n");

    ImportSummary s = importWith(fake(), dl);

    assertEquals(1, s.added(), s.line());
    assertEquals(0, opened.get(), "no recording: the model is never loaded");
  }

  @Test
  void a_caption_file_added_later_replaces_the_machine_transcript() throws Exception {
    Path dl = Files.createDirectories(tmp.resolve("dl"));
    Path wav = Media.wav(dl.resolve("Talk [abcdefghijk].wav"), 3);
    importWith(fake(), dl);
    assertEquals(Transcript.Kind.ASR_LOCAL, stored("abcdefghijk").transcripts().get(0).kind());

    Files.writeString(dl.resolve("Talk [abcdefghijk].en.vtt"),
        "WEBVTT\n\n00:00:00.500 --> 00:00:02.000\nSpikes travel along the axon, said a person.\n");
    FakeSpeechToText second = fake();
    ImportSummary s = importWith(second, dl);

    assertEquals(1, s.changed(), s.line());
    Video v = stored("abcdefghijk");
    assertEquals(List.of(Transcript.Kind.MANUAL), v.transcripts().stream().map(Transcript::kind).toList());
    assertEquals("Spikes travel along the axon, said a person.", v.transcripts().get(0).cues().get(0).text());
    assertEquals(wav.toAbsolutePath().normalize().toString(), v.media(), "the recording still plays");
    assertEquals(List.of(), second.asked);
  }

  @Test
  void a_machine_transcript_never_replaces_real_captions() throws Exception {
    Transcript manual = new Transcript("en", Transcript.Kind.MANUAL, "youtube-api:x",
        FakeSpeechToText.evenly("Real words.", 1000));
    store().write(new Video("abcdefghijk", "Crawled", "", "", "", null, 60, "", "", null, null, List.of(manual)));
    Path dl = Files.createDirectories(tmp.resolve("dl"));
    Media.wav(dl.resolve("Talk [abcdefghijk].wav"), 2);
    FakeSpeechToText speech = fake();

    importWith(speech, dl);

    assertEquals(List.of(), speech.asked, "a video with captions is not transcribed");
    Video v = stored("abcdefghijk");
    assertEquals(List.of(manual), v.transcripts());
    assertTrue(v.hasMedia(), "but its recording is recorded, for the local player");
    Transcript machine = new Transcript("en", Transcript.Kind.ASR_LOCAL, "cuepoint-asr:y",
        FakeSpeechToText.evenly("Machine words.", 1000));
    assertEquals(List.of(manual),
        VideoMerge.merge("abcdefghijk", Optional.of(v), List.of(), List.of(machine)).transcripts(),
        "a crawl's machine transcript does not replace them either");
  }

  @Test
  void a_stopped_import_resumes_with_the_recordings_not_yet_transcribed() throws Exception {
    Path dl = Files.createDirectories(tmp.resolve("dl"));
    for (String id : List.of("aaaaaaaaaaa", "bbbbbbbbbbb", "ccccccccccc")) {
      Media.wav(dl.resolve("Talk [" + id + "].wav"), 2);
    }
    FakeSpeechToText first = new FakeSpeechToText(f -> SPOKEN, f -> f.toString().contains("bbbbbbbbbbb"));

    assertThrows(java.io.InterruptedIOException.class, () -> importWith(first, dl));
    Thread.interrupted(); // the test thread goes on

    Set<String> done = new HashSet<>(store().ids());
    assertTrue(done.contains("aaaaaaaaaaa"), "finished before the stop, so kept: " + done);
    assertTrue(!done.contains("bbbbbbbbbbb"), "no half transcript: " + done);
    for (String id : done) {
      assertEquals(2, stored(id).transcripts().get(0).cues().size(), "complete: " + id);
    }
    FakeSpeechToText second = fake();
    ImportSummary s = importWith(second, dl);

    Set<String> missing = new HashSet<>(Set.of("aaaaaaaaaaa", "bbbbbbbbbbb", "ccccccccccc"));
    missing.removeAll(done);
    Set<String> asked = new HashSet<>();
    second.asked.forEach(f -> asked.add(f.substring(f.indexOf('[') + 1, f.indexOf(']'))));
    assertEquals(missing, asked, "only what the stopped run had not finished is transcribed");
    assertEquals(List.of("aaaaaaaaaaa", "bbbbbbbbbbb", "ccccccccccc"), store().ids());
    assertEquals(List.of(), s.failed());
  }

  @Test
  void an_unavailable_recogniser_fails_each_recording_with_its_reason_and_the_import_goes_on() throws Exception {
    Path dl = Files.createDirectories(tmp.resolve("dl"));
    Media.wav(dl.resolve("One [aaaaaaaaaaa].wav"), 1);
    Media.wav(dl.resolve("Two [bbbbbbbbbbb].wav"), 1);
    Files.writeString(dl.resolve("ccccccccccc.en.vtt"), "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nHello there.\n");
    Captions parsers = Captions.standard();
    AtomicInteger tries = new AtomicInteger();
    ImportSummary s;
    try (Transcriber off = new Transcriber(() -> {
      tries.incrementAndGet();
      throw new IOException("speech recognition is not available in this build");
    })) {
      s = new YtDlpImporter(store(), f -> {
        ParsedCaptions p = parsers.read(f);
        return new ParsedFile(p.format(), p.cues());
      }, off).importFolders(List.of(dl));
    }
    assertEquals(1, s.added(), s.line());
    assertEquals(2, s.failed().size(), s.failed().toString());
    for (ImportSummary.Item f : s.failed()) {
      assertEquals("cannot transcribe: speech recognition is not available in this build", f.reason());
    }
    assertEquals(1, tries.get(), "a recogniser that cannot load is tried once");
    assertEquals(List.of("ccccccccccc"), store().ids());
  }
}
