package dev.cuepoint.web;

import dev.cuepoint.corpus.Playlist;
import dev.cuepoint.corpus.Video;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where the web app reads whole videos (transcripts with every cue) and playlists from: the corpus
 * on disk in production, a map in tests. Implementations must be safe to call from many threads.
 */
public interface VideoSource {
  /** The video with this id, or empty when there is none (any string may be asked for). */
  Optional<Video> video(String id) throws IOException;

  /** Every known playlist. */
  List<Playlist> playlists() throws IOException;

  /** A source from two functions, for wiring by hand. */
  static VideoSource of(Lookup videos, Supplier<List<Playlist>> playlists) {
    return new VideoSource() {
      @Override
      public Optional<Video> video(String id) throws IOException {
        return videos.video(id);
      }

      @Override
      public List<Playlist> playlists() {
        return playlists.get();
      }
    };
  }

  /** Finds one video by id. */
  @FunctionalInterface
  interface Lookup {
    Optional<Video> video(String id) throws IOException;
  }
}
