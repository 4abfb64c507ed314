package dev.cuepoint.corpus;

import static dev.cuepoint.corpus.JsonFields.array;
import static dev.cuepoint.corpus.JsonFields.requireObject;
import static dev.cuepoint.corpus.JsonFields.requiredText;
import static dev.cuepoint.corpus.JsonFields.requiredWholeNumber;
import static dev.cuepoint.corpus.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** The JSON form of a {@link Playlist} (schema 1): its fields, then one video id per line. */
final class PlaylistJson {
  private final ObjectMapper mapper;

  PlaylistJson(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  byte[] write(Playlist p) {
    return JsonLayout.toBytes(
        mapper.getFactory(),
        (g, layout) -> {
          g.writeStartObject();
          g.writeNumberField("schema", VideoJson.SCHEMA);
          g.writeStringField("id", p.id());
          g.writeStringField("title", p.title());
          g.writeStringField("channel", p.channel());
          layout.block();
          g.writeArrayFieldStart("videoIds");
          for (String id : p.videoIds()) {
            g.writeString(id);
          }
          g.writeEndArray();
          g.writeEndObject();
        });
  }

  /** @throws IllegalArgumentException when the JSON is not a schema-1 playlist; says where */
  Playlist read(JsonNode root) {
    requireObject(root, "top level");
    long schema = requiredWholeNumber(root, "schema", "");
    if (schema != VideoJson.SCHEMA) {
      throw new IllegalArgumentException("schema " + schema + " is not " + VideoJson.SCHEMA);
    }
    JsonNode ids = array(root, "videoIds", "");
    List<String> videoIds = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      if (!ids.get(i).isTextual()) {
        throw new IllegalArgumentException("videoIds[" + i + "] must be text, got " + ids.get(i));
      }
      videoIds.add(ids.get(i).textValue());
    }
    return new Playlist(
        requiredText(root, "id", ""), text(root, "title", ""), text(root, "channel", ""), videoIds);
  }
}
