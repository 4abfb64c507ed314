package dev.cuepoint.captions;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TTML time expressions under one document's timing parameters: clock times ({@code 00:00:01.500},
 * {@code 00:00:01:12} with frames, {@code 00:00:01:12.1} with sub-frames) and offset times ({@code
 * 1.5s}, {@code 1500ms}, {@code 2m}, {@code 1h}, {@code 30f}, {@code 90t}).
 *
 * @param frameRate effective frames per second ({@code ttp:frameRate} times {@code
 *     ttp:frameRateMultiplier})
 * @param subFrameRate sub-frames per frame ({@code ttp:subFrameRate})
 * @param tickRate ticks per second ({@code ttp:tickRate})
 */
record TtmlTime(double frameRate, double subFrameRate, double tickRate) {
  private static final Pattern CLOCK =
      Pattern.compile(
          "(\\d{1,9}):(\\d{2}):(\\d{2})(?:(\\.\\d{1,20})|:(\\d{1,9})(?:\\.(\\d{1,9}))?)?");
  private static final Pattern OFFSET =
      Pattern.compile("(\\d{1,15}(?:\\.\\d{1,20})?)(h|ms|m|s|f|t)");

  TtmlTime {
    if (!(frameRate > 0) || !(subFrameRate > 0) || !(tickRate > 0)) {
      throw new IllegalArgumentException(
          "frame, sub-frame and tick rates must be > 0, got "
              + frameRate
              + ", "
              + subFrameRate
              + ", "
              + tickRate);
    }
  }

  /**
   * The TTML defaults for what the document leaves out: 30 frames per second, one sub-frame, and a
   * tick rate of frame rate times sub-frame rate when a frame rate is given, else one tick a
   * second.
   */
  static TtmlTime of(String frameRate, String multiplier, String subFrameRate, String tickRate) {
    double frames = frameRate == null ? 30 : positive(frameRate, "ttp:frameRate");
    if (multiplier != null) {
      String[] parts = multiplier.strip().split("\\s+");
      if (parts.length != 2) {
        throw new IllegalArgumentException(
            "ttp:frameRateMultiplier '" + multiplier + "' is not two numbers such as '1000 1001'");
      }
      frames =
          frames
              * positive(parts[0], "ttp:frameRateMultiplier")
              / positive(parts[1], "ttp:frameRateMultiplier");
    }
    double subFrames = subFrameRate == null ? 1 : positive(subFrameRate, "ttp:subFrameRate");
    double ticks =
        tickRate != null
            ? positive(tickRate, "ttp:tickRate")
            : frameRate != null ? frames * subFrames : 1;
    return new TtmlTime(frames, subFrames, ticks);
  }

  /**
   * @throws IllegalArgumentException naming the expression when it is not a TTML time
   */
  long millis(String expression) {
    String s = expression.strip();
    Matcher clock = CLOCK.matcher(s);
    if (clock.matches()) {
      double seconds =
          Long.parseLong(clock.group(1)) * 3600.0
              + Integer.parseInt(clock.group(2)) * 60.0
              + Integer.parseInt(clock.group(3));
      if (clock.group(4) != null) {
        seconds += Double.parseDouble("0" + clock.group(4));
      } else if (clock.group(5) != null) {
        seconds += Long.parseLong(clock.group(5)) / frameRate;
        if (clock.group(6) != null) {
          seconds += Long.parseLong(clock.group(6)) / (frameRate * subFrameRate);
        }
      }
      return Math.round(seconds * 1000);
    }
    Matcher offset = OFFSET.matcher(s);
    if (offset.matches()) {
      double count = Double.parseDouble(offset.group(1));
      double seconds =
          switch (offset.group(2)) {
            case "h" -> count * 3600;
            case "m" -> count * 60;
            case "s" -> count;
            case "ms" -> count / 1000;
            case "f" -> count / frameRate;
            default -> count / tickRate; // "t"
          };
      return Math.round(seconds * 1000);
    }
    throw new IllegalArgumentException(
        "time '"
            + expression
            + "' is not a TTML clock time (00:00:01.500, 00:00:01:12) or offset"
            + " (1.5s, 1500ms, 30f, 90t)");
  }

  private static double positive(String value, String what) {
    double d;
    try {
      d = Double.parseDouble(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + " '" + value + "' is not a number > 0", e);
    }
    if (!(d > 0) || Double.isInfinite(d)) {
      throw new IllegalArgumentException(what + " '" + value + "' is not a number > 0");
    }
    return d;
  }
}
