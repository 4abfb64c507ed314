package dev.cuepoint.asr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The finished stretches of one recording's transcription, kept in a work file so that a killed
 * transcription continues where it stopped. One JSON line names the recording (path, size, modified
 * time, model); then one line per finished stretch of audio with its words, appended and forced to
 * disk as each stretch ends. A line torn by a crash is dropped on reading and its stretch is
 * recognised again. The file is named by the recording's identity, so a changed file starts afresh.
 */
final class Checkpoint implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One finished stretch: the bytes of PCM it covers and the words heard in it. */
  record Stretch(long fromByte, long toByte, List<HeardWord> words) {
    Stretch {
      if (fromByte < 0 || toByte < fromByte) {
        throw new IllegalArgumentException("stretch must cover bytes from <= to, got " + fromByte + ".." + toByte);
      }
      words = List.copyOf(words);
    }
  }

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;
  private final List<Stretch> done;

  private Checkpoint(Path file, FileChannel channel, FileLock lock, List<Stretch> done) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
    this.done = done;
  }

  /** The work file of {@code media} under {@code workDir}. */
  static Path fileFor(Path workDir, Path media, String model) throws IOException {
    Path abs = media.toAbsolutePath().normalize();
    String identity = abs + "\n" + Files.size(media) + "\n" + Files.getLastModifiedTime(media).toMillis() + "\n" + model;
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
      String name = abs.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
      if (name.length() > 60) {
        name = name.substring(0, 60);
      }
      return workDir.resolve(name + "." + HexFormat.of().formatHex(hash, 0, 8) + ".jsonl");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /**
   * Opens (or starts) the work file of {@code media} and locks it against another process transcribing
   * the same recording.
   */
  static Checkpoint open(Path workDir, Path media, String model) throws IOException {
    Files.createDirectories(workDir);
    Path file = fileFor(workDir, media, model);
    FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    try {
      FileLock lock;
      try {
        lock = ch.tryLock();
      } catch (java.nio.channels.OverlappingFileLockException sameProcess) {
        lock = null;
      }
      if (lock == null) {
        throw new IOException(media + " is being transcribed already (by another thread or cuepoint process holding " + file + ")");
      }
      List<Stretch> done = new ArrayList<>();
      long good = read(ch, media, model, done);
      ch.truncate(good);
      ch.position(good);
      Checkpoint c = new Checkpoint(file, ch, lock, done);
      if (good == 0) {
        ObjectNode head = JSON.createObjectNode();
        head.put("media", media.toAbsolutePath().normalize().toString());
        head.put("size", Files.size(media));
        head.put("modified", Files.getLastModifiedTime(media).toMillis());
        head.put("model", model);
        c.appendLine(head);
      }
      return c;
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  /** Parses what is whole in the file into {@code done}; returns the length of that whole part. */
  private static long read(FileChannel ch, Path media, String model, List<Stretch> done) throws IOException {
    if (ch.size() == 0) {
      return 0;
    }
    ByteBuffer all = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8, ch.size()));
    ch.position(0);
    while (all.hasRemaining() && ch.read(all) > 0) {}
    byte[] bytes = all.array();
    int len = all.position();
    long good = 0;
    int lineNo = 0;
    long expectFrom = 0;
    for (int start = 0, nl; start < len && (nl = indexOf(bytes, (byte) '\n', start, len)) >= 0; start = nl + 1) {
      JsonNode line;
      try {
        line = JSON.readTree(bytes, start, nl - start);
      } catch (IOException torn) {
        break;
      }
      if (line == null || !line.isObject()) {
        break;
      }
      if (lineNo++ == 0) {
        if (!model.equals(line.path("model").asText())) {
          return 0; // another model's words: start again
        }
      } else {
        Stretch s = stretch(line);
        if (s == null || s.fromByte() != expectFrom) {
          break;
        }
        done.add(s);
        expectFrom = s.toByte();
      }
      good = nl + 1L;
    }
    return good;
  }

  private static Stretch stretch(JsonNode line) {
    if (!line.has("from") || !line.has("to") || !line.path("words").isArray()) {
      return null;
    }
    List<HeardWord> words = new ArrayList<>();
    for (JsonNode w : line.path("words")) {
      words.add(new HeardWord(w.path(0).asText(), w.path(1).asLong(), w.path(2).asLong(), w.path(3).asDouble()));
    }
    return new Stretch(line.path("from").asLong(), line.path("to").asLong(), words);
  }

  private static int indexOf(byte[] b, byte x, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] == x) {
        return i;
      }
    }
    return -1;
  }

  /** The stretches finished before, in order, each starting where the one before ended. */
  List<Stretch> done() {
    return List.copyOf(done);
  }

  /** Where the next stretch starts: the end of the last finished one. */
  long resumeByte() {
    return done.isEmpty() ? 0 : done.getLast().toByte();
  }

  Path file() {
    return file;
  }

  /** Records a finished stretch, on disk before this returns. */
  void add(Stretch s) throws IOException {
    if (s.fromByte() != resumeByte()) {
      throw new IllegalArgumentException("stretch starts at byte " + s.fromByte() + ", expected " + resumeByte());
    }
    ObjectNode line = JSON.createObjectNode();
    line.put("from", s.fromByte());
    line.put("to", s.toByte());
    ArrayNode words = line.putArray("words");
    for (HeardWord w : s.words()) {
      words.addArray().add(w.text()).add(w.startMs()).add(w.endMs()).add(Math.round(w.confidence() * 1000) / 1000.0);
    }
    appendLine(line);
    done.add(s);
  }

  private void appendLine(JsonNode node) throws IOException {
    ByteBuffer b = ByteBuffer.wrap((JSON.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8));
    while (b.hasRemaining()) {
      channel.write(b);
    }
    channel.force(false);
  }

  /** The transcription is whole: the work file goes. */
  void finish() throws IOException {
    close();
    Files.deleteIfExists(file);
  }

  @Override
  public void close() throws IOException {
    if (channel.isOpen()) {
      lock.release();
      channel.close();
    }
  }
}
