package dev.cuepoint.crawl;

import java.util.ArrayList;
import java.util.List;

/** A playlist of many generated lectures on the fake API, each with an English caption track. */
public final class ManyLectures {
  private ManyLectures() {}

  /**
   * Adds lectures {@code from} to {@code from + count - 1} (ids {@code manyLec0000}…) to the playlist,
   * creating it on first use. Every lecture says "neurons".
   */
  public static List<String> add(FakeYouTube fake, String playlist, int from, int count) {
    List<String> ids = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      String id = String.format("manyLec%04d", i);
      fake.video(id, "Generated lecture " + i, "Lecture " + i + " of a long course.", "Cuepoint Lab",
          "2024-01-01T10:00:00Z", "PT20M", "en");
      fake.track(id, new FakeYouTube.Track("trk" + id, "en", "standard", "2024-01-02T10:00:00Z", """
          WEBVTT

          00:00:01.000 --> 00:00:04.000
          In lecture %d the neurons fire together.

          00:00:05.000 --> 00:00:08.000
          Their axons carry spikes to the synapses.
          """.formatted(i)));
      ids.add(id);
    }
    if (!fake.playlists.containsKey(playlist)) {
      fake.playlist(playlist, "A long course", "Cuepoint Lab");
    }
    fake.playlists.get(playlist).videoIds().addAll(ids);
    return ids;
  }
}
