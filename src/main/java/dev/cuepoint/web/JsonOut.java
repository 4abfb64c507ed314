package dev.cuepoint.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

/** Writes API answers: JSON, UTF-8, with the charset stated so no client has to guess. */
final class JsonOut {
  /** As Jetty writes it (it drops the space some write after the semicolon). */
  static final String CONTENT_TYPE = "application/json;charset=utf-8";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonOut() {}

  static void send(Context ctx, Object value) {
    ctx.contentType(CONTENT_TYPE).result(bytes(value));
  }

  /** {@code value} as JSON, UTF-8 (also what the JSON benchmark, bench.JsonAnswers, times). */
  static byte[] bytes(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON for " + value.getClass().getSimpleName(), e);
    }
  }

  /** {@code {"error": message}} with a status. */
  static void error(Context ctx, int status, String message) {
    ctx.status(status);
    send(ctx, new ErrorBody(message));
  }

  record ErrorBody(String error) {}
}
