package dev.cuepoint.search;

import dev.cuepoint.index.Fields;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * A video's metadata from the keyword index, as a {@link VideoHit} around moments found elsewhere (by
 * meaning): the same fields as a keyword hit.
 */
final class VideoCards {
  private VideoCards() {}

  /** The video's card with these moments, or null when the keyword index does not hold it (yet). */
  static VideoHit of(IndexSearcher videos, String id, double score, int momentsTotal, List<Moment> moments)
      throws IOException {
    TopDocs top = videos.search(new TermQuery(new Term(Fields.ID, id)), 1);
    if (top.scoreDocs.length == 0) {
      return null;
    }
    return card(videos.storedFields().document(top.scoreDocs[0].doc, META), score, momentsTotal, moments);
  }

  /** What a result shows of a video besides its moments (not the transcripts: they are large). */
  static final java.util.Set<String> META = java.util.Set.of(Fields.ID, Fields.TITLE, Fields.CHANNEL,
      Fields.PUBLISHED, Fields.DURATION, Fields.THUMBNAIL, Fields.PLAYLIST);

  /** A result from a video's stored {@link #META} fields and its moments. */
  static VideoHit card(Document d, double score, int momentsTotal, List<Moment> moments) {
    String id = d.get(Fields.ID);
    IndexableField published = d.getField(Fields.PUBLISHED);
    IndexableField duration = d.getField(Fields.DURATION);
    String thumb = d.get(Fields.THUMBNAIL);
    return new VideoHit(
        id,
        d.get(Fields.TITLE),
        d.get(Fields.CHANNEL),
        "https://www.youtube.com/watch?v=" + id,
        thumb == null || thumb.isEmpty() ? "https://i.ytimg.com/vi/" + id + "/mqdefault.jpg" : thumb,
        published == null ? null : Instant.ofEpochMilli(published.numericValue().longValue()).toString(),
        duration == null ? 0 : duration.numericValue().longValue(),
        Arrays.asList(d.getValues(Fields.PLAYLIST)),
        score,
        momentsTotal,
        moments);
  }
}
