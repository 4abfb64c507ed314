package dev.cuepoint.corpus;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Lays corpus JSON out for people and for diffs: the top-level fields one per line, and lists of
 * chapters, transcripts or cues one element per line, while small values (a cue, its words) stay on
 * one line. A transcript of a thousand cues is then a thousand readable lines, not ten thousand.
 *
 * <p>The writer says which container comes next as a block by calling {@link #block()} just before
 * starting it; the root object is always a block. One instance serves one generator.
 */
final class JsonLayout implements PrettyPrinter {
  private static final String INDENT = "  ";

  /** For each open container, whether its elements go on lines of their own. */
  private final Deque<Boolean> open = new ArrayDeque<>();

  private boolean nextIsBlock;

  /** Writes one JSON document with a generator laid out by a fresh JsonLayout. */
  interface Body {
    void write(JsonGenerator g, JsonLayout layout) throws IOException;
  }

  /** The UTF-8 bytes of the document {@code body} writes, ending with a line break. */
  static byte[] toBytes(JsonFactory factory, Body body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
    try (JsonGenerator g = factory.createGenerator(out)) {
      JsonLayout layout = new JsonLayout();
      g.setPrettyPrinter(layout);
      body.write(g, layout);
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to memory cannot fail", e);
    }
    out.write('\n');
    return out.toByteArray();
  }

  /** The next object or array started is written one element per line. */
  void block() {
    nextIsBlock = true;
  }

  private void push() {
    open.push(nextIsBlock || open.isEmpty());
    nextIsBlock = false;
  }

  private void newline(JsonGenerator g) throws IOException {
    g.writeRaw('\n');
    for (Boolean b : open) {
      if (b) {
        g.writeRaw(INDENT);
      }
    }
  }

  @Override
  public void writeRootValueSeparator(JsonGenerator g) throws IOException {
    g.writeRaw('\n');
  }

  @Override
  public void writeStartObject(JsonGenerator g) throws IOException {
    g.writeRaw('{');
    push();
  }

  @Override
  public void beforeObjectEntries(JsonGenerator g) throws IOException {
    if (open.peek()) {
      newline(g);
    }
  }

  @Override
  public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
    g.writeRaw(": ");
  }

  @Override
  public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
    g.writeRaw(',');
    if (open.peek()) {
      newline(g);
    } else {
      g.writeRaw(' ');
    }
  }

  @Override
  public void writeEndObject(JsonGenerator g, int entries) throws IOException {
    boolean wasBlock = open.pop();
    if (wasBlock && entries > 0) {
      newline(g);
    }
    g.writeRaw('}');
  }

  @Override
  public void writeStartArray(JsonGenerator g) throws IOException {
    g.writeRaw('[');
    push();
  }

  @Override
  public void beforeArrayValues(JsonGenerator g) throws IOException {
    if (open.peek()) {
      newline(g);
    }
  }

  @Override
  public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
    g.writeRaw(',');
    if (open.peek()) {
      newline(g);
    }
  }

  @Override
  public void writeEndArray(JsonGenerator g, int values) throws IOException {
    boolean wasBlock = open.pop();
    if (wasBlock && values > 0) {
      newline(g);
    }
    g.writeRaw(']');
  }
}
