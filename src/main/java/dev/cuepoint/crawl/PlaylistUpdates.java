package dev.cuepoint.crawl;

import dev.cuepoint.corpus.CorpusStore;
import dev.cuepoint.corpus.Playlist;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Collects the playlist fields of imported info.json files and stores each playlist, merged with the
 * stored one: videos keep their stored order unless an info.json gives their position.
 */
final class PlaylistUpdates {
  private record Seen(String title, String channel, Map<String, Integer> positions) {}

  private final Map<String, Seen> byId = new TreeMap<>();

  void add(String videoId, InfoJson info) {
    if (info.playlistId().isBlank()) {
      return;
    }
    Seen s =
        byId.computeIfAbsent(
            info.playlistId(),
            k -> new Seen(info.playlistTitle(), info.playlistChannel(), new HashMap<>()));
    s.positions().put(videoId, info.playlistIndex() > 0 ? info.playlistIndex() : Integer.MAX_VALUE);
  }

  /** Writes the playlists that differ from the stored ones; returns their ids. */
  List<String> write(CorpusStore store) throws IOException {
    List<String> written = new ArrayList<>();
    for (Map.Entry<String, Seen> e : byId.entrySet()) {
      Optional<Playlist> stored = store.readPlaylist(e.getKey());
      Playlist merged = merge(e.getKey(), e.getValue(), stored);
      if (stored.isEmpty() || !stored.get().equals(merged)) {
        store.writePlaylist(merged);
        written.add(e.getKey());
      }
    }
    return written;
  }

  private static Playlist merge(String id, Seen seen, Optional<Playlist> stored) {
    Map<String, Integer> positions = new HashMap<>();
    List<String> old = stored.map(Playlist::videoIds).orElse(List.of());
    for (int i = 0; i < old.size(); i++) {
      positions.put(old.get(i), i + 1);
    }
    positions.putAll(seen.positions());
    List<String> ids = new ArrayList<>(positions.keySet());
    ids.sort(Comparator.comparing((String v) -> positions.get(v)).thenComparing(v -> v));
    String title = !seen.title().isEmpty() ? seen.title() : stored.map(Playlist::title).orElse("");
    String channel =
        !seen.channel().isEmpty() ? seen.channel() : stored.map(Playlist::channel).orElse("");
    return new Playlist(id, title, channel, ids);
  }
}
