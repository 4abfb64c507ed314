package dev.cuepoint.search;

import dev.cuepoint.index.Fields;
import dev.cuepoint.index.KeywordIndex;
import dev.cuepoint.index.StoredValues;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A video's metadata from the keyword index, as a {@link VideoHit} around moments found elsewhere (by
 * meaning): the same fields as a keyword hit.
 */
final class VideoCards {
  private VideoCards() {}

  /**
   * The video's card with these moments, or null when the keyword index does not hold it (yet).
   *
   * @param match how the video was found: {@link Moment#MEANING} when by meaning alone
   */
  static VideoHit of(KeywordIndex.View videos, String id, double score, int momentsTotal, List<Moment> moments,
      String match) throws IOException {
    StoredValues meta = videos.card(id);
    return meta == null ? null : card(meta, score, momentsTotal, moments, match);
  }

  /** A result from a video's stored {@link KeywordIndex#META} fields and its moments. */
  static VideoHit card(StoredValues d, double score, int momentsTotal, List<Moment> moments, String match) {
    String id = d.get(Fields.ID);
    Long published = d.number(Fields.PUBLISHED);
    Long duration = d.number(Fields.DURATION);
    String thumb = d.get(Fields.THUMBNAIL);
    boolean local = d.get(Fields.LOCAL) != null; // a recording on no YouTube page: Cuepoint's own links
    if (local) {
      moments = moments.stream().map(m -> new Moment(m.start(), m.end(), Links.local(id, Math.round(m.start() * 1000)),
          m.text(), m.highlights(), m.lang(), m.source(), m.kind(), m.match())).toList();
    }
    return new VideoHit(
        id,
        d.get(Fields.TITLE),
        d.get(Fields.CHANNEL),
        local ? "/watch/" + id : "https://www.youtube.com/watch?v=" + id,
        thumb != null && !thumb.isEmpty() ? thumb : local ? "" : "https://i.ytimg.com/vi/" + id + "/mqdefault.jpg",
        published == null ? null : Instant.ofEpochMilli(published).toString(),
        duration == null ? 0 : duration,
        Arrays.asList(d.values(Fields.PLAYLIST)),
        score,
        momentsTotal,
        moments,
        match);
  }
}
