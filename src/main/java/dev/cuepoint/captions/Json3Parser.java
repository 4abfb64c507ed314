package dev.cuepoint.captions;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads YouTube's json3 timedtext, one event at a time with Jackson's streaming parser: {@code
 * {"events": [{"tStartMs": 1230, "dDurationMs": 2500, "segs": [{"utf8": "word"}, {"utf8": " next",
 * "tOffsetMs": 300}]}, …]}}.
 *
 * <p>Each event with text is a cue. When its segments carry {@code tOffsetMs} or the speech
 * recogniser's {@code acAsrConf} (auto-captions), every word gets its time, a segment without an
 * offset being said with the one before it (the first at offset 0). Events without segments (window
 * definitions) and events that only add a line break ({@code "aAppend": 1} with {@code "\n"}) give
 * no cue, and a word that an overlapping event repeats at the same moment is kept once.
 */
public final class Json3Parser implements CaptionParser {
  /** Leaves the Reader open: whoever opened it closes it. */
  private static final JsonFactory JSON =
      JsonFactory.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build();

  @Override
  public List<Cue> parse(Reader in, String source) throws CaptionException, IOException {
    try (JsonParser json = JSON.createParser(Bom.skip(in))) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        throw notJson3(source, "it does not start with '{'");
      }
      CueList cues = new CueList();
      boolean events = false;
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String field = json.currentName();
        JsonToken value = json.nextToken();
        if (field.equals("events") && value == JsonToken.START_ARRAY) {
          events = true;
          readEvents(json, source, cues);
        } else {
          json.skipChildren(); // pens, window styles and positions, wireMagic
        }
      }
      if (!events) {
        throw notJson3(source, "it has no \"events\" array");
      }
      return cues.inTimeOrder();
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
      throw new CaptionException(
          source, line, "JSON is malformed or truncated: " + e.getOriginalMessage(), e);
    }
  }

  private static void readEvents(JsonParser json, String source, CueList cues)
      throws IOException, CaptionException {
    JsonToken t;
    while ((t = json.nextToken()) != null && t != JsonToken.END_ARRAY) {
      if (t == JsonToken.START_OBJECT) {
        readEvent(json, source, cues);
      } else {
        json.skipChildren();
      }
    }
  }

  /** Reads one event object, positioned on its '{', up to its '}'. */
  private static void readEvent(JsonParser json, String source, CueList cues)
      throws IOException, CaptionException {
    int line = json.currentLocation().getLineNr();
    long startMs = -1;
    long durationMs = 0;
    Segments segments = null;
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String field = json.currentName();
      json.nextToken();
      switch (field) {
        case "tStartMs" -> startMs = millis(json, source, "tStartMs");
        case "dDurationMs" -> durationMs = millis(json, source, "dDurationMs");
        case "segs" -> segments = readSegments(json, source);
        default -> json.skipChildren();
      }
    }
    if (segments == null) {
      return; // a window definition, not text
    }
    if (startMs < 0) {
      throw new CaptionException(source, line, "event with \"segs\" has no \"tStartMs\"");
    }
    long endMs = startMs + durationMs;
    if (segments.timed) {
      TimedWords words = new TimedWords();
      for (Segment s : segments.list) {
        words.add(startMs + s.offsetMs, s.text);
      }
      cues.addWords(startMs, endMs, words.words());
    } else {
      StringBuilder text = new StringBuilder();
      segments.list.forEach(s -> text.append(s.text));
      cues.addText(startMs, endMs, text.toString());
    }
  }

  private static Segments readSegments(JsonParser json, String source)
      throws IOException, CaptionException {
    List<Segment> list = new ArrayList<>();
    if (json.currentToken() != JsonToken.START_ARRAY) {
      json.skipChildren();
      return new Segments(list, false);
    }
    long offsetMs = 0; // a segment without an offset is said with the one before it
    boolean timed = false;
    JsonToken t;
    while ((t = json.nextToken()) != null && t != JsonToken.END_ARRAY) {
      if (t != JsonToken.START_OBJECT) {
        json.skipChildren();
        continue;
      }
      String text = "";
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String field = json.currentName();
        json.nextToken();
        switch (field) {
          case "utf8" -> text = json.getValueAsString("");
          case "tOffsetMs" -> {
            offsetMs = millis(json, source, "tOffsetMs");
            timed = true;
          }
          case "acAsrConf" -> timed = true; // speech recognition: a word, even alone on its line
          default -> json.skipChildren();
        }
      }
      list.add(new Segment(offsetMs, text));
    }
    return new Segments(list, timed);
  }

  private static long millis(JsonParser json, String source, String field)
      throws IOException, CaptionException {
    if (!json.currentToken().isNumeric()) {
      throw new CaptionException(
          source,
          json.currentLocation().getLineNr(),
          "\"" + field + "\" is " + json.getText() + ", not a number of milliseconds");
    }
    long ms = json.getValueAsLong();
    if (ms < 0) {
      throw new CaptionException(
          source, json.currentLocation().getLineNr(), "\"" + field + "\" is negative: " + ms);
    }
    return ms;
  }

  private static CaptionException notJson3(String source, String why) {
    return new CaptionException(source, 0, "not YouTube json3: " + why);
  }

  private record Segment(long offsetMs, String text) {}

  private record Segments(List<Segment> list, boolean timed) {}
}
