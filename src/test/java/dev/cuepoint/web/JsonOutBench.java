package dev.cuepoint.web;

/** Opens {@link JsonOut}'s writing to the JSON benchmark ({@code dev.cuepoint.bench.JsonAnswers}). */
public final class JsonOutBench {
  private JsonOutBench() {}

  public static byte[] bytes(Object value) {
    return JsonOut.bytes(value);
  }
}
