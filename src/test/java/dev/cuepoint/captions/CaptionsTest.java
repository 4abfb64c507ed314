package dev.cuepoint.captions;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CaptionsTest {
  private static final String SRT = "1\n00:00:01,000 --> 00:00:02,000\nAxon\n";

  private final Captions captions = Captions.standard();

  @TempDir Path dir;

  /** Each format's content, saved under a neutral name, no extension, and another format's name. */
  static Stream<Arguments> contentAndNames() throws IOException {
    List<Arguments> cases = new ArrayList<>();
    Object[][] contents = {
      {"SRT", SRT, CaptionFormat.SRT},
      {
        "SRT with periods and a cue number",
        "7\n00:00:01.000 --> 00:00:02.000\nAxon\n",
        CaptionFormat.SRT
      },
      {
        "SRT after a BOM and blank lines",
        "\uFEFF\n\n1\r\n00:00:01,000 --> 00:00:02,000\r\nAxon\r\n",
        CaptionFormat.SRT
      },
      {"WebVTT", "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nAxon\n", CaptionFormat.WEBVTT},
      {
        "WebVTT after a BOM, with a header",
        "\uFEFFWEBVTT Kind: captions\n\n1\n00:01.000 --> 00:02.000\nA\n",
        CaptionFormat.WEBVTT
      },
      {"SBV", fixture("neurons.sbv"), CaptionFormat.SBV},
      {"srv1", fixture("neurons.srv1.xml"), CaptionFormat.SRV1},
      {"srv2", fixture("neurons.srv2.xml"), CaptionFormat.SRV2},
      {"srv3", fixture("neurons.srv3.xml"), CaptionFormat.SRV3},
      {"json3", fixture("neurons.json3"), CaptionFormat.JSON3},
      {"TTML", fixture("neurons-clock.ttml"), CaptionFormat.TTML},
      {"DFXP", fixture("neurons-frames.dfxp"), CaptionFormat.TTML},
    };
    for (Object[] c : contents) {
      CaptionFormat format = (CaptionFormat) c[2];
      String wrong = format == CaptionFormat.SRT ? "captions.vtt" : "captions.srt";
      for (String name : List.of("captions.txt", "captions", wrong)) {
        cases.add(Arguments.of(c[0], c[1], name, format));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} saved as {2}")
  @MethodSource("contentAndNames")
  void format_is_detected_by_content_whatever_the_name(
      String label, String content, String name, CaptionFormat expected) throws Exception {
    Path file = Files.writeString(dir.resolve(name), content);
    assertEquals(expected, captions.detect(file));
    assertEquals(expected, captions.detect(content, name));
  }

  @Test
  void headless_timing_with_periods_is_decided_by_the_extension() throws Exception {
    String text = "00:00:01.000 --> 00:00:02.000\nAxon\n";
    assertEquals(CaptionFormat.WEBVTT, captions.detect(text, "lecture.vtt"));
    assertEquals(CaptionFormat.SRT, captions.detect(text, "lecture.txt"));
  }

  @Test
  void every_fixture_is_read_with_its_format_and_all_its_cues() throws Exception {
    Object[][] fixtures = {
      {"neurons.sbv", CaptionFormat.SBV, new SbvParser()},
      {"neurons.srv1.xml", CaptionFormat.SRV1, new TimedTextParser()},
      {"neurons.srv2.xml", CaptionFormat.SRV2, new TimedTextParser()},
      {"neurons.srv3.xml", CaptionFormat.SRV3, new TimedTextParser()},
      {"neurons.json3", CaptionFormat.JSON3, new Json3Parser()},
      {"neurons-clock.ttml", CaptionFormat.TTML, new TtmlParser()},
      {"neurons-frames.dfxp", CaptionFormat.TTML, new TtmlParser()},
    };
    for (Object[] f : fixtures) {
      Path file = Fixtures.DIR.resolve((String) f[0]);
      ParsedCaptions read = captions.read(file);
      assertEquals(
          new ParsedCaptions(
              file, (CaptionFormat) f[1], Fixtures.parseFile((CaptionParser) f[2], (String) f[0])),
          read,
          (String) f[0]);
    }
  }

  @Test
  void webvtt_is_read_by_the_standard_facade() throws Exception {
    Path file =
        Files.writeString(dir.resolve("talk.txt"), "WEBVTT\n\n00:01.000 --> 00:02.000\nA &amp; B\n");
    ParsedCaptions read = captions.read(file);
    assertEquals(CaptionFormat.WEBVTT, read.format());
    assertEquals(List.of(new Cue(1000, 2000, "A & B")), read.cues());
  }

  @Test
  void a_character_cut_by_the_sniffed_head_still_decodes() throws Exception {
    // "Gehirn über" puts the two bytes of 'ü' around byte 8192, where format detection stops
    StringBuilder srt = new StringBuilder("1\n00:00:01,000 --> 00:00:02,000\n");
    srt.append("a".repeat(CaptionFile.HEAD_BYTES - srt.length() - 9)).append("\nGehirn über\n");
    byte[] bytes = srt.toString().getBytes(UTF_8);
    assertEquals((byte) 0xC3, bytes[CaptionFile.HEAD_BYTES - 1]);
    Path file = Files.write(dir.resolve("cut.srt"), bytes);
    List<Cue> cues = captions.read(file).cues();
    assertTrue(cues.get(0).text().endsWith(" Gehirn über"), cues.get(0).text());
  }

  @Test
  void a_binary_file_is_not_a_caption_file() throws IOException {
    byte[] png = {
      (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'
    };
    Path file = Files.write(dir.resolve("slide.png"), png);
    CaptionException e = assertThrows(CaptionException.class, () -> captions.read(file));
    assertEquals(
        file + ": not a caption file: it holds binary data (NUL bytes), not text", e.getMessage());
  }

  @Test
  void latin1_text_is_not_utf8() throws IOException {
    Path file =
        Files.write(
            dir.resolve("latin1.srt"),
            SRT.replace("Axon", "Caf\u00e9").getBytes(StandardCharsets.ISO_8859_1));
    CaptionException e = assertThrows(CaptionException.class, () -> captions.read(file));
    assertEquals(
        file + ": is not UTF-8 text (byte 0xE9 at offset 35 is not valid UTF-8); save it as UTF-8",
        e.getMessage());
  }

  @Test
  void bytes_that_are_not_utf8_after_the_head_are_reported_as_such() throws IOException {
    String cue = "1\n00:00:01,000 --> 00:00:02,000\nAxon\n\n";
    byte[] head = cue.repeat(CaptionFile.HEAD_BYTES / cue.length() + 10).getBytes(UTF_8);
    byte[] tail =
        "2\n00:09:00,000 --> 00:09:01,000\nCaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = new byte[head.length + tail.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    for (String name : List.of("late.srt", "late.xml")) {
      byte[] bytes = name.endsWith(".xml") ? xmlWithLatin1Tail() : all;
      Path file = Files.write(dir.resolve(name), bytes);
      CaptionException e = assertThrows(CaptionException.class, () -> captions.read(file));
      assertEquals(
          file
              + ": is not UTF-8 text (some bytes after the first 8 KB are not valid UTF-8);"
              + " save it as UTF-8",
          e.getMessage());
    }
  }

  private static byte[] xmlWithLatin1Tail() {
    String line = "<text start=\"1\" dur=\"1\">Axon</text>\n";
    String xml =
        "<transcript>\n"
            + line.repeat(CaptionFile.HEAD_BYTES / line.length() + 10)
            + "<text start=\"2\" dur=\"1\">Caf\u00e9</text></transcript>\n";
    return xml.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void utf16_text_is_refused_with_advice() throws IOException {
    Path file =
        Files.write(dir.resolve("win.srt"), ("\uFEFF" + SRT).getBytes(StandardCharsets.UTF_16LE));
    CaptionException e = assertThrows(CaptionException.class, () -> captions.read(file));
    assertEquals(
        file + ": is UTF-16 text; Cuepoint reads UTF-8 caption files (save it as UTF-8)",
        e.getMessage());
  }

  @Test
  void an_empty_file_is_not_a_caption_file() throws IOException {
    Path file = Files.createFile(dir.resolve("empty.srt"));
    CaptionException e = assertThrows(CaptionException.class, () -> captions.read(file));
    assertEquals(file + ": not a caption file: it is empty", e.getMessage());
  }

  @Test
  void json_that_is_not_json3_is_not_a_caption_file() throws IOException {
    Path file =
        Files.writeString(dir.resolve("video.json"), "{\"kind\":\"youtube#video\",\"items\":[]}");
    CaptionException e = assertThrows(CaptionException.class, () -> captions.read(file));
    assertEquals(
        file + ": not a caption file: JSON without an \"events\" array (YouTube json3 has one)",
        e.getMessage());
  }

  @Test
  void truncated_xml_names_the_file_and_line() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("cut.srv3"),
            "<?xml version=\"1.0\"?>\n"
                + "<timedtext format=\"3\"><body>\n"
                + "<p t=\"0\" d=\"10\">Axon</p>\n"
                + "<p t=");
    CaptionException e = assertThrows(CaptionException.class, () -> captions.read(file));
    assertTrue(
        e.getMessage().startsWith(file + " line 4: XML is malformed or truncated: "),
        e.getMessage());
  }

  @Test
  void plain_prose_is_not_a_caption_file() throws IOException {
    Path file = Files.writeString(dir.resolve("notes.srt"), "Lecture notes\n\nNeurons fire.\n");
    CaptionException e = assertThrows(CaptionException.class, () -> captions.read(file));
    assertTrue(
        e.getMessage().startsWith(file + ": not a caption file: no WebVTT header"), e.getMessage());
  }

  @Test
  void html_is_not_a_caption_file() {
    CaptionException e =
        assertThrows(
            CaptionException.class,
            () -> captions.detect("<!DOCTYPE html>\n<html lang=\"en\"><body>", "watch.xml"));
    assertEquals(
        "watch.xml: not a caption file: XML root element <html> is not YouTube timedtext"
            + " (<transcript>, <timedtext>) or TTML (<tt>)",
        e.getMessage());
  }

  @Test
  void a_missing_file_and_a_directory_are_named() {
    Path missing = dir.resolve("gone.srt");
    assertEquals(
        missing + ": no such file",
        assertThrows(CaptionException.class, () -> captions.read(missing)).getMessage());
    assertEquals(
        dir + ": is a directory, not a caption file",
        assertThrows(CaptionException.class, () -> captions.read(dir)).getMessage());
  }

  @Test
  void a_file_over_the_limit_is_refused_without_reading_it() throws IOException {
    // sparse: 257 MiB of NUL bytes that take no disk; reading any of them would say "binary data"
    Path file = dir.resolve("huge.srt");
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(Captions.DEFAULT_MAX_BYTES + 1024 * 1024);
    }
    CaptionException e =
        assertTimeoutPreemptively(
            Duration.ofSeconds(5),
            () -> assertThrows(CaptionException.class, () -> captions.read(file)));
    assertEquals(
        file + ": is 257.0 MiB, over the 256.0 MiB limit for a caption file", e.getMessage());
  }

  @Test
  void the_limit_is_set_by_the_constructor_and_a_file_at_the_limit_is_read() throws Exception {
    Path file = Files.writeString(dir.resolve("small.srt"), SRT);
    long size = Files.size(file);
    CaptionException e =
        assertThrows(CaptionException.class, () -> Captions.standard(size - 1).read(file));
    assertEquals(
        file
            + ": is "
            + size
            + " bytes, over the "
            + (size - 1)
            + " bytes limit for a caption file",
        e.getMessage());
    assertEquals(List.of(new Cue(1000, 2000, "Axon")), Captions.standard(size).read(file).cues());
  }

  @Test
  void a_million_lines_without_timing_fail_quickly() throws IOException {
    Path file = dir.resolve("long.srt");
    try (var out = Files.newBufferedWriter(file)) {
      for (int i = 0; i < 1_000_000; i++) {
        out.write("no timing on this line\n");
      }
    }
    CaptionException e =
        assertTimeoutPreemptively(
            Duration.ofSeconds(10),
            () -> assertThrows(CaptionException.class, () -> captions.read(file)));
    assertTrue(e.getMessage().startsWith(file + ": not a caption file: "), e.getMessage());
  }

  @Test
  void srt_with_bom_and_crlf_is_read_through_the_facade() throws Exception {
    Path file =
        Files.write(
            dir.resolve("talk.srt"), ("\uFEFF" + SRT.replace("\n", "\r\n")).getBytes(UTF_8));
    ParsedCaptions read = captions.read(file);
    assertEquals(CaptionFormat.SRT, read.format());
    assertEquals(List.of(new Cue(1000, 2000, "Axon")), read.cues());
  }

  private static String fixture(String name) throws IOException {
    return Files.readString(Fixtures.DIR.resolve(name));
  }
}
