package dev.cuepoint.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * Reads typed fields from a JSON tree and says exactly where a value is missing or of the wrong type
 * ({@code transcripts[0].cues[12]: "startMs" must be a whole number, got "1.5s"}). Problems are
 * {@link IllegalArgumentException}s; the caller adds the file name.
 */
final class JsonFields {
  private JsonFields() {}

  /** The field's text, or {@code ""} when absent or null. */
  static String text(JsonNode obj, String field, String where) {
    JsonNode v = obj.path(field);
    if (v.isMissingNode() || v.isNull()) {
      return "";
    }
    if (!v.isTextual()) {
      throw wrong(where, field, "text", v);
    }
    return v.textValue();
  }

  static String requiredText(JsonNode obj, String field, String where) {
    require(obj, field, where);
    return text(obj, field, where);
  }

  /** The field as a whole number, or {@code absent} when the field is missing or null. */
  static long wholeNumber(JsonNode obj, String field, String where, long absent) {
    JsonNode v = obj.path(field);
    if (v.isMissingNode() || v.isNull()) {
      return absent;
    }
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw wrong(where, field, "a whole number", v);
    }
    return v.longValue();
  }

  static long requiredWholeNumber(JsonNode obj, String field, String where) {
    require(obj, field, where);
    return wholeNumber(obj, field, where, 0);
  }

  /** The field as an array; an absent or null field reads as an empty array. */
  static JsonNode array(JsonNode obj, String field, String where) {
    JsonNode v = obj.path(field);
    if (v.isMissingNode() || v.isNull()) {
      return MissingNode.getInstance();
    }
    if (!v.isArray()) {
      throw wrong(where, field, "a list", v);
    }
    return v;
  }

  static void requireObject(JsonNode node, String where) {
    if (!node.isObject()) {
      throw new IllegalArgumentException(where + ": expected an object, got " + describe(node));
    }
  }

  private static void require(JsonNode obj, String field, String where) {
    JsonNode v = obj.path(field);
    if (v.isMissingNode() || v.isNull()) {
      throw new IllegalArgumentException(prefix(where) + "\"" + field + "\" is missing");
    }
  }

  private static IllegalArgumentException wrong(
      String where, String field, String expected, JsonNode got) {
    return new IllegalArgumentException(
        prefix(where) + "\"" + field + "\" must be " + expected + ", got " + describe(got));
  }

  private static String prefix(String where) {
    return where.isEmpty() ? "" : where + ": ";
  }

  private static String describe(JsonNode v) {
    String s = v.toString();
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
