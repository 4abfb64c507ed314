package dev.cuepoint.crawl;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What an import did. Videos are counted once each: {@code added} (new to the corpus), {@code changed}
 * (stored, and rewritten because something differed) or {@code unchanged} (nothing written). Skipped
 * and failed items are files: a skip is expected ("no captions"), a failure is a file that should have
 * imported and did not (a broken caption file, a malformed info.json); each has its own reason.
 */
public record ImportSummary(
    int added, int changed, int unchanged, List<Item> skipped, List<Item> failed) {

  /**
   * One skipped or failed file.
   *
   * @param file the file
   * @param reason for skips a short category shared by similar files ("no captions"); for failures
   *     the error, which may itself name the file
   */
  public record Item(Path file, String reason) {
    public Item {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(reason, "reason");
    }

    /**
     * The file's path and the reason, for a log line. A reason that starts with the file's name (as
     * caption errors do: "x.srt line 3: …") gets the path in place of the name, so it is not named
     * twice.
     */
    public String message() {
      String name = file.getFileName().toString();
      if (reason.contains(file.toString())) {
        return reason;
      }
      return reason.startsWith(name)
          ? file + reason.substring(name.length())
          : file + ": " + reason;
    }
  }

  public ImportSummary {
    for (int n : new int[] {added, changed, unchanged}) {
      if (n < 0) {
        throw new IllegalArgumentException("counts must be >= 0, got " + n);
      }
    }
    skipped = List.copyOf(skipped);
    failed = List.copyOf(failed);
  }

  /** Videos written: new plus changed. */
  public int imported() {
    return added + changed;
  }

  /**
   * One line for the user, e.g. {@code imported 148 videos (3 changed), 12 unchanged, 2 skipped (no
   * captions), 1 failed (see above)}. Parts that are zero are left out, except the first.
   */
  public String line() {
    StringBuilder s = new StringBuilder("imported ").append(count(imported(), "video", "videos"));
    if (changed > 0) {
      s.append(" (").append(changed).append(" changed)");
    }
    if (unchanged > 0) {
      s.append(", ").append(unchanged).append(" unchanged");
    }
    if (!skipped.isEmpty()) {
      s.append(", ").append(skipped.size()).append(" skipped (").append(reasons()).append(')');
    }
    if (!failed.isEmpty()) {
      s.append(", ").append(failed.size()).append(" failed (see above)");
    }
    return s.toString();
  }

  /** "no captions" when all skips share it, else "2 no captions, 1 not a video info.json". */
  private String reasons() {
    Map<String, Long> byReason =
        skipped.stream().collect(Collectors.groupingBy(Item::reason, TreeMap::new, Collectors.counting()));
    if (byReason.size() == 1) {
      return byReason.keySet().iterator().next();
    }
    return byReason.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
        .map(e -> e.getValue() + " " + e.getKey())
        .collect(Collectors.joining(", "));
  }

  private static String count(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
