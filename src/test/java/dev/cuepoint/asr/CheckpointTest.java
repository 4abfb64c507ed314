package dev.cuepoint.asr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
  @TempDir Path tmp;
  Path media;
  Path work;

  @BeforeEach
  void recording() throws IOException {
    media = Files.write(tmp.resolve("talk.m4a"), new byte[1234]);
    work = tmp.resolve("work");
  }

  private static Checkpoint.Stretch stretch(long from, long to, String... words) {
    List<HeardWord> w = new java.util.ArrayList<>();
    for (int i = 0; i < words.length; i++) {
      w.add(new HeardWord(words[i], from / 32 + 100L * i, from / 32 + 100L * i + 80, 0.875));
    }
    return new Checkpoint.Stretch(from, to, w);
  }

  @Test
  void finished_stretches_are_read_back_in_order_by_the_next_run() throws IOException {
    try (Checkpoint c = Checkpoint.open(work, media, "m")) {
      assertEquals(0, c.resumeByte());
      c.add(stretch(0, 64_000, "good", "morning"));
      c.add(stretch(64_000, 96_000, "everyone"));
    }
    try (Checkpoint c = Checkpoint.open(work, media, "m")) {
      assertEquals(List.of(stretch(0, 64_000, "good", "morning"), stretch(64_000, 96_000, "everyone")), c.done());
      assertEquals(96_000, c.resumeByte());
    }
  }

  @Test
  void a_line_torn_by_a_crash_is_dropped_and_the_file_stays_appendable() throws IOException {
    try (Checkpoint c = Checkpoint.open(work, media, "m")) {
      c.add(stretch(0, 64_000, "good"));
    }
    Path file = Checkpoint.fileFor(work, media, "m");
    Files.writeString(file, "{\"from\":64000,\"to\":96000,\"words\":[[\"every", StandardOpenOption.APPEND);
    try (Checkpoint c = Checkpoint.open(work, media, "m")) {
      assertEquals(64_000, c.resumeByte(), "the torn stretch is heard again");
      c.add(stretch(64_000, 96_000, "everyone"));
    }
    try (Checkpoint c = Checkpoint.open(work, media, "m")) {
      assertEquals(2, c.done().size());
      assertEquals("everyone", c.done().get(1).words().getFirst().text());
    }
  }

  @Test
  void a_stretch_that_does_not_follow_the_one_before_ends_what_is_trusted() throws IOException {
    try (Checkpoint c = Checkpoint.open(work, media, "m")) {
      c.add(stretch(0, 64_000, "good"));
      assertThrows(IllegalArgumentException.class, () -> c.add(stretch(70_000, 96_000, "gap")));
    }
    Path file = Checkpoint.fileFor(work, media, "m");
    Files.writeString(file, "{\"from\":70000,\"to\":96000,\"words\":[]}\n", StandardOpenOption.APPEND);
    try (Checkpoint c = Checkpoint.open(work, media, "m")) {
      assertEquals(64_000, c.resumeByte());
    }
  }

  @Test
  void a_changed_recording_or_another_model_starts_afresh() throws IOException {
    Path before = Checkpoint.fileFor(work, media, "m");
    try (Checkpoint c = Checkpoint.open(work, media, "m")) {
      c.add(stretch(0, 64_000, "good"));
    }
    assertNotEquals(before, Checkpoint.fileFor(work, media, "other-model"));
    Files.setLastModifiedTime(media, FileTime.fromMillis(Files.getLastModifiedTime(media).toMillis() + 5_000));
    assertNotEquals(before, Checkpoint.fileFor(work, media, "m"));
    try (Checkpoint c = Checkpoint.open(work, media, "m")) {
      assertEquals(0, c.resumeByte());
    }
  }

  @Test
  void the_same_recording_cannot_be_transcribed_twice_at_once() throws IOException {
    try (Checkpoint c = Checkpoint.open(work, media, "m")) {
      IOException e = assertThrows(IOException.class, () -> Checkpoint.open(work, media, "m"));
      assertTrue(e.getMessage().contains("talk.m4a") && e.getMessage().contains("being transcribed already"), e.getMessage());
    }
  }

  @Test
  void finishing_deletes_the_work_file() throws IOException {
    Checkpoint c = Checkpoint.open(work, media, "m");
    c.add(stretch(0, 64_000, "good"));
    assertTrue(Files.exists(c.file()));
    c.finish();
    assertFalse(Files.exists(c.file()));
  }
}
