package dev.cuepoint.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reads query parameters, refusing bad ones with a 400 that names the parameter, what it got and what
 * it takes. Written by hand rather than with {@code queryParamAsClass}: Javalin's validation errors
 * say "TYPE_CONVERSION_FAILED", and users should read "limit must be a whole number from 1 to 100".
 */
final class Params {
  /** Values echoed in messages are cut to this length. */
  private static final int ECHO = 40;

  private Params() {}

  /** The parameter's text, or null when absent or blank. */
  static String text(Context ctx, String name) {
    String v = ctx.queryParam(name);
    return v == null || v.isBlank() ? null : v;
  }

  static String required(Context ctx, String name, String what) {
    String v = text(ctx, name);
    if (v == null) {
      throw new BadRequestResponse("parameter '" + name + "' is required: " + what);
    }
    return v;
  }

  static int integer(Context ctx, String name, int fallback, int min, int max) {
    String v = text(ctx, name);
    if (v == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // the message below says what is wanted
    }
    throw new BadRequestResponse(
        "parameter '" + name + "' must be a whole number from " + min + " to " + max + ", got '" + echo(v) + "'");
  }

  /** {@code true} or {@code false}; the fallback when absent. */
  static boolean bool(Context ctx, String name, boolean fallback) {
    String v = text(ctx, name);
    if (v == null) {
      return fallback;
    }
    return switch (v.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new BadRequestResponse(
          "parameter '" + name + "' must be true or false, got '" + echo(v) + "'");
    };
  }

  static LocalDate date(Context ctx, String name) {
    String v = text(ctx, name);
    if (v == null) {
      return null;
    }
    try {
      return LocalDate.parse(v.strip());
    } catch (DateTimeParseException e) {
      throw new BadRequestResponse(
          "parameter '" + name + "' must be a date YYYY-MM-DD (e.g. 2024-09-30), got '" + echo(v) + "'");
    }
  }

  /** One of an enum's constants, named in lower case; the fallback when absent. */
  static <E extends Enum<E>> E choice(Context ctx, String name, Class<E> type, E fallback) {
    String v = text(ctx, name);
    if (v == null) {
      return fallback;
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(v.strip())) {
        return e;
      }
    }
    StringBuilder allowed = new StringBuilder();
    for (E e : type.getEnumConstants()) {
      allowed.append(allowed.isEmpty() ? "" : " or ").append(e.name().toLowerCase(Locale.ROOT));
    }
    throw new BadRequestResponse(
        "parameter '" + name + "' must be " + allowed + ", got '" + echo(v) + "'");
  }

  static String echo(String v) {
    String s = v.codePoints()
        .map(cp -> Character.isISOControl(cp) ? ' ' : cp)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
    return s.length() <= ECHO ? s : s.substring(0, ECHO - 3) + "...";
  }
}
