package dev.cuepoint.crawl;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuepoint.corpus.Chapter;
import dev.cuepoint.corpus.Chapters;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the fields of {@link InfoJson} from a yt-dlp {@code .info.json} as a stream. Real files run
 * to several megabytes, almost all of it {@code formats} and the caption URL lists; those are skipped
 * token by token without building them in memory.
 */
final class InfoJsonReader {
  private static final Set<String> TEXT_FIELDS =
      Set.of(
          "_type", "id", "title", "description", "channel", "uploader", "channel_id", "upload_date",
          "thumbnail", "language", "playlist_id", "playlist_title", "playlist_channel",
          "playlist_uploader");
  private static final Set<String> NUMBER_FIELDS =
      Set.of("timestamp", "release_timestamp", "duration", "playlist_index");

  private final ObjectMapper mapper = new ObjectMapper();

  /**
   * @throws com.fasterxml.jackson.core.JsonProcessingException when the file is not JSON
   * @throws IllegalArgumentException when a field Cuepoint uses has an unusable value; says which
   */
  InfoJson read(Path file) throws IOException {
    Map<String, String> text = new HashMap<>();
    Map<String, Double> numbers = new HashMap<>();
    JsonNode chapters = null;
    Set<String> manual = Set.of();
    Set<String> auto = Set.of();
    try (JsonParser p = mapper.createParser(file.toFile())) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("the top level is not a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (TEXT_FIELDS.contains(name) && value.isScalarValue() && value != JsonToken.VALUE_NULL) {
          text.put(name, p.getValueAsString());
        } else if (NUMBER_FIELDS.contains(name) && value.isNumeric()) {
          numbers.put(name, p.getDoubleValue());
        } else if (name.equals("chapters")) {
          chapters = p.readValueAsTree();
        } else if (name.equals("subtitles")) {
          manual = keys(p);
        } else if (name.equals("automatic_captions")) {
          auto = keys(p);
        } else {
          p.skipChildren(); // formats, thumbnails, heatmap…: large, and not ours
        }
      }
    }
    String description = text.getOrDefault("description", "");
    List<Chapter> fromYtDlp = Chapters.fromYtDlp(chapters);
    String channel = text.getOrDefault("channel", text.getOrDefault("uploader", ""));
    return new InfoJson(
        text.getOrDefault("_type", ""),
        text.getOrDefault("id", ""),
        text.getOrDefault("title", ""),
        description,
        channel,
        text.getOrDefault("channel_id", ""),
        publishedAt(text, numbers),
        Math.max(0, Math.round(numbers.getOrDefault("duration", 0.0))),
        text.getOrDefault("thumbnail", ""),
        text.getOrDefault("language", ""),
        fromYtDlp.isEmpty() ? Chapters.fromDescription(description) : fromYtDlp,
        text.getOrDefault("playlist_id", ""),
        text.getOrDefault("playlist_title", ""),
        (int) Math.max(0, Math.round(numbers.getOrDefault("playlist_index", 0.0))),
        text.getOrDefault("playlist_channel", text.getOrDefault("playlist_uploader", "")),
        manual,
        auto);
  }

  /** The keys of the object at the parser (languages), skipping their values. */
  private static Set<String> keys(JsonParser p) throws IOException {
    Set<String> keys = new HashSet<>();
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return keys;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      keys.add(p.currentName());
      p.nextToken();
      p.skipChildren();
    }
    return keys;
  }

  /**
   * The most precise publish time yt-dlp gives: {@code timestamp} (seconds), else {@code
   * upload_date} (a day, taken as midnight UTC), else {@code release_timestamp} (premieres).
   */
  private static Instant publishedAt(Map<String, String> text, Map<String, Double> numbers) {
    if (numbers.containsKey("timestamp")) {
      return Instant.ofEpochSecond(Math.round(numbers.get("timestamp")));
    }
    String day = text.get("upload_date");
    if (day != null) {
      try {
        return LocalDate.parse(day, DateTimeFormatter.BASIC_ISO_DATE)
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant();
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("upload_date '" + day + "' is not a date YYYYMMDD", e);
      }
    }
    if (numbers.containsKey("release_timestamp")) {
      return Instant.ofEpochSecond(Math.round(numbers.get("release_timestamp")));
    }
    return null;
  }
}
