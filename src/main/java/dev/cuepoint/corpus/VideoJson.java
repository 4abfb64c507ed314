package dev.cuepoint.corpus;

import static dev.cuepoint.corpus.JsonFields.array;
import static dev.cuepoint.corpus.JsonFields.requireObject;
import static dev.cuepoint.corpus.JsonFields.requiredText;
import static dev.cuepoint.corpus.JsonFields.requiredWholeNumber;
import static dev.cuepoint.corpus.JsonFields.text;
import static dev.cuepoint.corpus.JsonFields.wholeNumber;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuepoint.captions.Cue;
import dev.cuepoint.captions.Word;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The JSON form of a {@link Video} in the corpus (schema 1). Times are milliseconds ({@code startMs},
 * {@code endMs}); {@code publishedAt} is ISO-8601 UTC or null; a cue's words are {@code [ms, "text"]}
 * pairs because auto-captions carry a word every ~300 ms and objects would triple the file size.
 * Empty word lists are left out. See {@code index/README.md} for an example.
 */
final class VideoJson {
  /** Bump when a reader of the previous layout would misread the new one. */
  static final int SCHEMA = 1;

  private final ObjectMapper mapper;

  VideoJson(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  byte[] write(Video v) {
    return JsonLayout.toBytes(mapper.getFactory(), (g, layout) -> writeVideo(g, layout, v));
  }

  private static void writeVideo(JsonGenerator g, JsonLayout layout, Video v) throws IOException {
    g.writeStartObject();
    g.writeNumberField("schema", SCHEMA);
    g.writeStringField("id", v.id());
    g.writeStringField("title", v.title());
    g.writeStringField("description", v.description());
    g.writeStringField("channel", v.channel());
    g.writeStringField("channelId", v.channelId());
    g.writeFieldName("publishedAt");
    if (v.publishedAt() == null) {
      g.writeNull();
    } else {
      g.writeString(v.publishedAt().toString());
    }
    g.writeNumberField("durationSeconds", v.durationSeconds());
    g.writeStringField("thumbnailUrl", v.thumbnailUrl());
    g.writeStringField("defaultLanguage", v.defaultLanguage());
    if (!v.media().isEmpty()) {
      g.writeStringField("media", v.media()); // left out when none: files without it stay as they were
    }
    layout.block();
    g.writeArrayFieldStart("chapters");
    for (Chapter c : v.chapters()) {
      g.writeStartObject();
      g.writeNumberField("startMs", c.startMs());
      g.writeStringField("title", c.title());
      g.writeEndObject();
    }
    g.writeEndArray();
    layout.block();
    g.writeArrayFieldStart("playlists");
    for (PlaylistEntry p : v.playlists()) {
      g.writeStartObject();
      g.writeStringField("id", p.playlistId());
      g.writeStringField("title", p.playlistTitle());
      g.writeNumberField("position", p.position());
      g.writeEndObject();
    }
    g.writeEndArray();
    layout.block();
    g.writeArrayFieldStart("transcripts");
    for (Transcript t : v.transcripts()) {
      writeTranscript(g, layout, t);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void writeTranscript(JsonGenerator g, JsonLayout layout, Transcript t)
      throws IOException {
    layout.block();
    g.writeStartObject();
    g.writeStringField("language", t.language());
    g.writeStringField("kind", t.kind().json());
    g.writeStringField("source", t.source());
    layout.block();
    g.writeArrayFieldStart("cues");
    for (Cue c : t.cues()) {
      g.writeStartObject();
      g.writeNumberField("startMs", c.startMs());
      g.writeNumberField("endMs", c.endMs());
      g.writeStringField("text", c.text());
      if (!c.words().isEmpty()) {
        g.writeArrayFieldStart("words");
        for (Word w : c.words()) {
          g.writeStartArray();
          g.writeNumber(w.startMs());
          g.writeString(w.text());
          g.writeEndArray();
        }
        g.writeEndArray();
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /**
   * @throws IllegalArgumentException when the JSON is well-formed but not a schema-1 video; the
   *     message says where
   */
  Video read(JsonNode root) {
    requireObject(root, "top level");
    long schema = requiredWholeNumber(root, "schema", "");
    if (schema != SCHEMA) {
      throw new IllegalArgumentException(
          "schema "
              + schema
              + " is not "
              + SCHEMA
              + (schema > SCHEMA ? ", it was written by a newer Cuepoint" : ""));
    }
    String published = text(root, "publishedAt", "");
    return new Video(
        requiredText(root, "id", ""),
        text(root, "title", ""),
        text(root, "description", ""),
        text(root, "channel", ""),
        text(root, "channelId", ""),
        published.isEmpty() ? null : instant(published),
        wholeNumber(root, "durationSeconds", "", 0),
        text(root, "thumbnailUrl", ""),
        text(root, "defaultLanguage", ""),
        chapters(array(root, "chapters", "")),
        playlists(array(root, "playlists", "")),
        transcripts(array(root, "transcripts", "")),
        text(root, "media", ""));
  }

  private static Instant instant(String s) {
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "\"publishedAt\" must be an ISO-8601 instant like 2024-03-01T10:00:00Z, got \"" + s + "\"",
          e);
    }
  }

  private static List<Chapter> chapters(JsonNode list) {
    List<Chapter> out = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      String where = "chapters[" + i + "]";
      JsonNode c = list.get(i);
      requireObject(c, where);
      out.add(
          valid(
              where,
              () ->
                  new Chapter(
                      requiredWholeNumber(c, "startMs", where), text(c, "title", where))));
    }
    return out;
  }

  private static List<PlaylistEntry> playlists(JsonNode list) {
    List<PlaylistEntry> out = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      String where = "playlists[" + i + "]";
      JsonNode p = list.get(i);
      requireObject(p, where);
      out.add(
          valid(
              where,
              () ->
                  new PlaylistEntry(
                      requiredText(p, "id", where),
                      text(p, "title", where),
                      position(wholeNumber(p, "position", where, 0), where))));
    }
    return out;
  }

  private static int position(long p, String where) {
    if (p > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(where + ": \"position\" is too large: " + p);
    }
    return (int) p;
  }

  private static List<Transcript> transcripts(JsonNode list) {
    List<Transcript> out = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      String where = "transcripts[" + i + "]";
      JsonNode t = list.get(i);
      requireObject(t, where);
      String kind = requiredText(t, "kind", where);
      Transcript.Kind k;
      try {
        k = Transcript.Kind.fromJson(kind);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
      }
      List<Cue> cues = cues(array(t, "cues", where), where);
      out.add(
          valid(
              where,
              () -> new Transcript(requiredText(t, "language", where), k, text(t, "source", where), cues)));
    }
    return out;
  }

  private static List<Cue> cues(JsonNode list, String transcript) {
    List<Cue> out = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      String where = transcript + ".cues[" + i + "]";
      JsonNode c = list.get(i);
      requireObject(c, where);
      List<Word> words = words(array(c, "words", where), where);
      out.add(
          valid(
              where,
              () ->
                  new Cue(
                      requiredWholeNumber(c, "startMs", where),
                      requiredWholeNumber(c, "endMs", where),
                      requiredText(c, "text", where),
                      words)));
    }
    return out;
  }

  private static List<Word> words(JsonNode list, String cue) {
    List<Word> out = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      String where = cue + ".words[" + i + "]";
      JsonNode w = list.get(i);
      if (!w.isArray() || w.size() != 2 || !w.get(0).isIntegralNumber() || !w.get(1).isTextual()) {
        throw new IllegalArgumentException(
            where + ": a word must be [startMs, \"text\"], got " + w);
      }
      out.add(valid(where, () -> new Word(w.get(0).longValue(), w.get(1).textValue())));
    }
    return out;
  }

  /** Runs a record constructor and puts {@code where} in front of its validation message. */
  private static <T> T valid(String where, Supplier<T> make) {
    try {
      return make.get();
    } catch (IllegalArgumentException e) {
      String m = e.getMessage();
      throw m != null && m.startsWith(where)
          ? e
          : new IllegalArgumentException(where + ": " + m, e);
    }
  }
}
