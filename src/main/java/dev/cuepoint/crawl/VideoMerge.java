package dev.cuepoint.crawl;

import dev.cuepoint.corpus.PlaylistEntry;
import dev.cuepoint.corpus.Transcript;
import dev.cuepoint.corpus.Video;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Combines what an import found for one video with what the corpus already holds, so an import adds
 * to the corpus without erasing what other sources (a crawl) put there.
 */
final class VideoMerge {
  private VideoMerge() {}

  /**
   * @param stored the corpus entry, if any
   * @param infos the video's info.json files (one per playlist folder it was downloaded into); the
   *     first gives the metadata, all give playlists. Empty: the stored metadata is kept as it is.
   * @param transcripts the tracks read in this import, at most one per (language, kind); each
   *     replaces the stored track of its language and kind, in place; others stay. Real captions
   *     (manual or auto) replace every transcript Cuepoint made itself ({@code asr-local}); one Cuepoint
   *     made is left out when the video has real captions.
   */
  static Video merge(
      String id, Optional<Video> stored, List<InfoJson> infos, List<Transcript> transcripts) {
    return merge(id, stored, infos, transcripts, null);
  }

  /** As above; {@code media}: the video's local recording, or null to keep the stored one. */
  static Video merge(
      String id, Optional<Video> stored, List<InfoJson> infos, List<Transcript> transcripts, String media) {
    String recording = media != null ? media : stored.map(Video::media).orElse("");
    return mergeTranscripts(id, stored, infos, transcripts).withMedia(recording);
  }

  private static Video mergeTranscripts(
      String id, Optional<Video> stored, List<InfoJson> infos, List<Transcript> transcripts) {
    Video base =
        stored.orElseGet(
            () -> new Video(id, "", "", "", "", null, 0, "", "", null, null, null));
    List<Transcript> merged = replace(base.transcripts(), transcripts);
    if (infos.isEmpty()) {
      return new Video(
          id, base.title(), base.description(), base.channel(), base.channelId(),
          base.publishedAt(), base.durationSeconds(), base.thumbnailUrl(), base.defaultLanguage(),
          base.chapters(), base.playlists(), merged);
    }
    InfoJson info = infos.get(0);
    return new Video(
        id, info.title(), info.description(), info.channel(), info.channelId(), info.publishedAt(),
        info.durationSeconds(), info.thumbnailUrl(), info.language(), info.chapters(),
        playlists(base.playlists(), infos), merged);
  }

  private static List<Transcript> replace(List<Transcript> old, List<Transcript> fresh) {
    List<Transcript> out = new ArrayList<>(old);
    if (fresh.stream().anyMatch(t -> t.kind().isCaptions())) {
      out.removeIf(t -> !t.kind().isCaptions());
    }
    for (Transcript t : fresh) {
      if (!t.kind().isCaptions() && out.stream().anyMatch(o -> o.kind().isCaptions())) {
        continue; // Cuepoint's transcript never replaces captions people or YouTube made
      }
      int at = -1;
      for (int i = 0; i < out.size() && at < 0; i++) {
        if (out.get(i).language().equals(t.language()) && out.get(i).kind() == t.kind()) {
          at = i;
        }
      }
      if (at >= 0) {
        out.set(at, t);
      } else {
        out.add(t);
      }
    }
    return out;
  }

  /** Stored playlists, each updated from an info.json of the same playlist, then new ones. */
  private static List<PlaylistEntry> playlists(List<PlaylistEntry> old, List<InfoJson> infos) {
    Map<String, PlaylistEntry> byId = new LinkedHashMap<>();
    old.forEach(p -> byId.put(p.playlistId(), p));
    for (InfoJson info : infos) {
      info.playlistEntry().ifPresent(p -> byId.put(p.playlistId(), p));
    }
    return List.copyOf(byId.values());
  }
}
