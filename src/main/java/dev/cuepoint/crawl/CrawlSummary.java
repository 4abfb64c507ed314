package dev.cuepoint.crawl;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a crawl did. Each video is counted once: new, changed, unchanged, skipped (private, deleted,
 * no captions anywhere) or failed. Targets that could not be listed are failures too, named by id.
 *
 * @param withoutTranscript videos in the corpus (counted as new, changed or unchanged) that no
 *     source had a transcript for, with why ("timedtext: captions off"); failures are in {@code failed}
 * @param removed videos that left the corpus: their playlists' complete listings no longer show them
 * @param captionsBySource transcripts fetched that the corpus did not have, per source name
 * @param unitsUsed quota units this run spent
 * @param unitsToday units spent today (Pacific time) by all runs
 * @param result how the run ended
 * @param stopReason why it stopped early, empty when complete
 */
public record CrawlSummary(
    int added,
    int changed,
    int unchanged,
    int removed,
    List<Item> skipped,
    List<Item> failed,
    List<Item> withoutTranscript,
    Map<String, Integer> captionsBySource,
    long unitsUsed,
    long unitsToday,
    long budget,
    Result result,
    String stopReason) {

  /** How a run ended. */
  public enum Result {
    /** Every target listed and every video tried. */
    COMPLETE,
    /** Stopped before the quota budget ran out, or when YouTube said it had: the next run resumes. */
    STOPPED,
    /** Stopped because YouTube refused the credentials, or every video tried failed. */
    FAILED
  }

  /** A skipped or failed video or target, with why. */
  public record Item(String id, String reason) {
    public Item {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(reason, "reason");
    }
  }

  public CrawlSummary {
    for (long n : new long[] {added, changed, unchanged, removed, unitsUsed, unitsToday, budget}) {
      if (n < 0) {
        throw new IllegalArgumentException("counts must be >= 0, got " + n);
      }
    }
    skipped = List.copyOf(skipped);
    failed = List.copyOf(failed);
    withoutTranscript = withoutTranscript == null ? List.of() : List.copyOf(withoutTranscript);
    captionsBySource = Map.copyOf(captionsBySource);
    Objects.requireNonNull(result, "result");
    stopReason = stopReason == null ? "" : stopReason;
  }

  /**
   * One line for the user: {@code crawl complete: 3 new, 1 changed, 26 unchanged, 2 skipped (private
   * or deleted), 1 failed (see above); captions fetched: 4 from api; quota: 812 units used, 1234 of
   * 10000 today (Pacific time)}.
   */
  public String line() {
    StringBuilder s =
        new StringBuilder(
            switch (result) {
              case COMPLETE -> "crawl complete: ";
              case STOPPED -> "crawl stopped early: ";
              case FAILED -> "crawl failed: ";
            });
    s.append(added).append(" new, ").append(changed).append(" changed, ").append(unchanged).append(" unchanged");
    if (removed > 0) {
      s.append(", ").append(removed).append(" removed");
    }
    if (!skipped.isEmpty()) {
      s.append(", ").append(skipped.size()).append(" skipped (").append(reasons(skipped)).append(')');
    }
    if (!withoutTranscript.isEmpty()) {
      s.append(", ").append(withoutTranscript.size()).append(" without transcript (")
          .append(reasons(categories(withoutTranscript))).append(')');
    }
    if (!failed.isEmpty()) {
      s.append(", ").append(failed.size()).append(" failed (").append(reasons(categories(failed))).append("; see above)");
    }
    s.append("; captions fetched: ");
    if (captionsBySource.isEmpty()) {
      s.append("none");
    } else {
      s.append(
          new TreeMap<>(captionsBySource).entrySet().stream()
              .map(e -> e.getValue() + " from " + e.getKey())
              .collect(Collectors.joining(", ")));
    }
    s.append("; quota: ").append(unitsUsed).append(" units used, ").append(unitsToday)
        .append(" of ").append(budget).append(" today (Pacific time)");
    return s.toString();
  }

  /**
   * Caption fetches of this crawl by source, for metrics: tracks fetched as {@code fetched}, videos
   * without a transcript as {@code none} and caption failures as {@code failed}, each by its first
   * source and short reason ({@code timedtext}, {@code captions off}); {@code any} when no source was
   * asked. Failures that are not about captions (a playlist that cannot be listed) are not counted.
   *
   * @param videos tracks fetched ({@code fetched}), else videos
   */
  public record CaptionCount(String source, String result, String reason, int videos) {}

  /** See {@link CaptionCount}. */
  public List<CaptionCount> captionCounts() {
    List<CaptionCount> out = new java.util.ArrayList<>();
    new TreeMap<>(captionsBySource).forEach((source, n) -> out.add(new CaptionCount(source, "fetched", "", n)));
    countReasons(out, "none", withoutTranscript, true);
    countReasons(out, "failed", failed, false);
    return out;
  }

  private static void countReasons(List<CaptionCount> out, String result, List<Item> items, boolean anySource) {
    Map<List<String>, Long> counts = new TreeMap<>(java.util.Comparator.comparing(Object::toString));
    for (Item i : categories(items)) {
      String r = i.reason();
      int colon = r.indexOf(": ");
      String source = colon < 0 ? "" : r.substring(0, colon);
      boolean known = java.util.Arrays.stream(CaptionSourceKind.values()).anyMatch(k -> k.option.equals(source));
      if (known) {
        counts.merge(List.of(source, r.substring(colon + 2)), 1L, Long::sum);
      } else if (anySource) {
        counts.merge(List.of("any", r), 1L, Long::sum);
      }
    }
    counts.forEach((k, n) -> out.add(new CaptionCount(k.get(0), result, k.get(1), n.intValue())));
  }

  /**
   * Failures by kind, not by their full text: {@code timedtext: error: HTTP 500} counts as {@code
   * timedtext: error}, and only the first source's reason counts.
   */
  private static List<Item> categories(List<Item> items) {
    return items.stream().map(i -> {
      String r = i.reason().split("; ", 2)[0];
      int first = r.indexOf(": ");
      int second = first < 0 ? -1 : r.indexOf(": ", first + 2);
      return new Item(i.id(), second < 0 ? r : r.substring(0, second));
    }).toList();
  }

  private static String reasons(List<Item> items) {
    Map<String, Long> byReason =
        items.stream().collect(Collectors.groupingBy(Item::reason, TreeMap::new, Collectors.counting()));
    if (byReason.size() == 1) {
      return byReason.keySet().iterator().next();
    }
    return byReason.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed()) // stable: by name within a count
        .map(e -> e.getValue() + " " + e.getKey())
        .collect(Collectors.joining(", "));
  }
}
