package dev.cuepoint.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a video's chapters where YouTube and yt-dlp put them.
 *
 * <p>From a description, as YouTube does: a list of lines that start (or end) with a timestamp —
 * {@code 0:00 Intro}, {@code 1:02:03 - Part two}, {@code (12:34) Title}, {@code 12:34 | Title},
 * {@code Title 12:34} — whose first timestamp is 0:00 and whose timestamps ascend. YouTube itself
 * also asks for at least three chapters of at least ten seconds each; we accept two chapters and any
 * length, because a short lecture with "0:00 Intro / 4:10 Proof" is plainly chaptered and the cost of
 * a spurious chapter is small. Timestamp lines before the first 0:00 are ignored, and the list ends at
 * the first timestamp that does not ascend (a second list, or a "see 2:10" aside, further down).
 */
public final class Chapters {
  /** A description needs this many chapters to count as chaptered (YouTube asks for three). */
  public static final int MIN_CHAPTERS = 2;

  private static final String TIME = "(?<![\\d:.])(?:(\\d{1,2}):)?(\\d{1,3}):(\\d{2})(?!\\d|:\\d)";
  private static final String SEPARATORS = "-–—|:•·*";
  private static final Pattern TIME_FIRST =
      Pattern.compile(
          "^\\s*(?:[-*•·–—]\\s+)?[(\\[]?" + TIME + "[)\\]]?(?:\\s*[-–—|:•·]+\\s*|\\s+)(.*\\S.*)$");
  private static final Pattern TIME_LAST =
      Pattern.compile("^\\s*(?:[-*•·–—]\\s+)?(.*?\\S)\\s*(?:[-–—|:]\\s*)?[(\\[]?" + TIME + "[)\\]]?\\s*$");

  private Chapters() {}

  /** Chapters listed in a description, or an empty list when it has no chapter list. */
  public static List<Chapter> fromDescription(String description) {
    List<Chapter> out = new ArrayList<>();
    if (description == null) {
      return out;
    }
    for (String line : description.split("\\R")) {
      Optional<Chapter> c = parseLine(line);
      if (c.isEmpty()) {
        continue;
      }
      long start = c.get().startMs();
      if (out.isEmpty()) {
        if (start == 0) {
          out.add(c.get());
        }
      } else if (start > out.get(out.size() - 1).startMs()) {
        out.add(c.get());
      } else {
        break;
      }
    }
    return out.size() >= MIN_CHAPTERS ? List.copyOf(out) : List.of();
  }

  /** One description line as a chapter, when it starts or ends with a valid timestamp. */
  static Optional<Chapter> parseLine(String line) {
    Matcher m = TIME_FIRST.matcher(line);
    if (m.matches()) {
      return chapter(m, 1, m.group(4));
    }
    m = TIME_LAST.matcher(line);
    if (m.matches()) {
      return chapter(m, 2, m.group(1));
    }
    return Optional.empty();
  }

  private static Optional<Chapter> chapter(Matcher m, int firstTimeGroup, String rawTitle) {
    String h = m.group(firstTimeGroup);
    int minutes = Integer.parseInt(m.group(firstTimeGroup + 1));
    int seconds = Integer.parseInt(m.group(firstTimeGroup + 2));
    if (seconds > 59 || (h != null && minutes > 59)) {
      return Optional.empty(); // "1:75" is not a time, so not a chapter line
    }
    String title = strip(rawTitle);
    if (title.isEmpty()) {
      return Optional.empty();
    }
    long hours = h == null ? 0 : Integer.parseInt(h);
    return Optional.of(new Chapter(((hours * 60 + minutes) * 60 + seconds) * 1000, title));
  }

  /** The title without the separators and spaces around it. */
  private static String strip(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && isSeparatorOrSpace(s.charAt(from))) {
      from++;
    }
    while (to > from && isSeparatorOrSpace(s.charAt(to - 1))) {
      to--;
    }
    return s.substring(from, to);
  }

  private static boolean isSeparatorOrSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || SEPARATORS.indexOf(c) >= 0;
  }

  /**
   * Chapters from yt-dlp's {@code chapters} array ({@code [{"start_time": 12.5, "end_time": …,
   * "title": "…"}]}), in time order; {@code end_time} is implied by the next chapter and ignored.
   *
   * @param chapters the array; null, a JSON null or a missing node give no chapters
   * @throws IllegalArgumentException when it is not an array of objects with a numeric start_time
   */
  public static List<Chapter> fromYtDlp(JsonNode chapters) {
    if (chapters == null || chapters.isNull() || chapters.isMissingNode()) {
      return List.of();
    }
    if (!chapters.isArray()) {
      throw new IllegalArgumentException("\"chapters\" must be a list, got " + chapters.getNodeType());
    }
    List<Chapter> out = new ArrayList<>(chapters.size());
    for (int i = 0; i < chapters.size(); i++) {
      JsonNode c = chapters.get(i);
      JsonNode start = c.path("start_time");
      if (!start.isNumber() || start.doubleValue() < 0) {
        throw new IllegalArgumentException(
            "chapters[" + i + "].start_time must be a number of seconds >= 0, got " + start);
      }
      JsonNode title = c.path("title");
      out.add(
          new Chapter(
              Math.round(start.doubleValue() * 1000), title.isTextual() ? title.textValue().strip() : ""));
    }
    out.sort(Comparator.comparingLong(Chapter::startMs));
    return List.copyOf(out);
  }
}
