package dev.cuepoint.index;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.Query;

/**
 * Where the videos' keyword index lives: the embedded Lucene index ({@link SearchIndex}, the default)
 * or an OpenSearch cluster ({@code dev.cuepoint.opensearch.OpenSearchIndex}). Both hold the same
 * documents ({@link VideoDocuments}), analysed by the same {@link Analyzers}, and answer the same Lucene
 * queries, so everything above this interface — moments, snippets, filters, suggestions, refresh —
 * is one code path.
 */
public interface KeywordIndex extends Closeable {
  Analyzers analyzers();

  /**
   * Brings the index in line with the corpus (new and changed videos indexed, removed ones deleted);
   * searches see the change all at once, when it is complete. With {@code rebuild}, every video is
   * indexed again, beside what is being searched.
   */
  SyncResult sync(CorpusSnapshot corpus, boolean rebuild, Consumer<String> progress) throws IOException;

  /** A consistent view for one search; close it when done. */
  View view() throws IOException;

  /**
   * An object that stays equal while searches of this index give the same answers and changes when
   * a refresh changes them; null when the index cannot tell (answers are then not cached).
   */
  default Object state() throws IOException {
    return null;
  }

  /**
   * Where a damaged index found when this one was opened was moved (it is being rebuilt from the
   * corpus), or null: nothing was damaged, or the engine heals itself (a cluster).
   */
  default java.nio.file.Path movedAside() {
    return null;
  }

  /** Bytes the index takes (on disk, or in the cluster's primary shards). */
  long sizeBytes() throws IOException;

  /** Where the index is, for messages ("the Lucene index in index/lucene", "OpenSearch alias … at …"). */
  String describe();

  /** One ranked video: its score and the {@link #META} fields a result card shows. */
  interface Hit {
    float score();

    Document meta();
  }

  /** The best videos for a query and how many match in all. */
  record Page(long total, List<Hit> hits) {}

  /** A vocabulary word and the number of videos using it. */
  record Word(String word, int videos) {}

  /** What a result shows of a video besides its moments (not the transcripts: they are large). */
  Set<String> META = Set.of(Fields.ID, Fields.TITLE, Fields.CHANNEL, Fields.PUBLISHED, Fields.DURATION,
      Fields.THUMBNAIL, Fields.PLAYLIST, Fields.LOCAL);

  /** The index as of one moment: every call answers from the same state. */
  interface View extends Closeable {
    /** Every {@code text.<lang>} field that some video has, sorted. */
    List<String> transcriptFields() throws IOException;

    /**
     * The {@code n} best videos for {@code ranking} (by score, or newest first with {@code byDate}) and
     * the exact number of videos it matches; {@code matching} matches the same videos more cheaply.
     */
    Page top(Query ranking, Query matching, boolean byDate, int n) throws IOException;

    int count(Query query) throws IOException;

    /** Where in a hit {@code query} matches: character offsets into its stored texts. */
    Matches matches(Hit hit, Query query) throws IOException;

    /** The hit's stored fields among {@code fields}. */
    Document stored(Hit hit, Set<String> fields) throws IOException;

    /**
     * The text of a matched field of a hit ({@code text.<lang>}, {@code grams.<lang>}, title or
     * chapters), out of {@code stored}, the hit's fields as {@link #stored} gave them; null when it
     * has none. A view may keep texts it has unpacked before.
     */
    default String text(Hit hit, Document stored, String field) {
      return StoredTexts.text(stored, field);
    }

    /** The time map of a matched field of a hit, as {@link #text}; null for fields without times. */
    default TimeMap timeMap(Hit hit, Document stored, String field) {
      return StoredTexts.timeMap(stored, field);
    }

    /** The {@link #META} fields of a video, or null when the index does not hold it. */
    Document card(String videoId) throws IOException;

    /** How many videos hold this exact word in the spelling vocabulary ({@link Fields#WORDS}). */
    int vocabularyCount(String word) throws IOException;

    /** The vocabulary word closest to an unknown one (two edits at most), or null. */
    String closestWord(String word) throws IOException;

    /** Up to {@code max} vocabulary words starting with {@code prefix}, each with its video count. */
    List<Word> wordsStartingWith(String prefix, int max) throws IOException;

    /** Videos, transcripts by language tag, and caption cues held. */
    int videos() throws IOException;

    Map<String, Integer> transcriptsByLanguage() throws IOException;

    long cues() throws IOException;
  }
}
