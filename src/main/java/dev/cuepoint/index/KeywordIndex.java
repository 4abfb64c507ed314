package dev.cuepoint.index;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Where the videos' keyword index lives: the embedded Lucene index ({@link SearchIndex}, the default)
 * or an OpenSearch cluster ({@code dev.cuepoint.opensearch.OpenSearchIndex}). Both hold the same
 * documents ({@link VideoDocuments}), analysed by the same {@link Analyzers}, and answer the same
 * {@link SearchQuery} with the same hits, scores, {@link StoredValues} and matched {@link Span}s, so
 * everything above this interface — moments, snippets, filters, suggestions, refresh — is one code
 * path and knows nothing of the engine.
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

  /**
   * How many searches may usefully run at once: the processors of this machine for an index searched
   * here; 0, no limit, for a cluster that searches on its own machines.
   */
  int usefulConcurrentSearches();

  /**
   * Whether a damaged copy of this index is moved aside when opened, and a new or outdated one is
   * indexed whole from the corpus before it answers ({@link IndexRepair}); false for an engine that
   * heals itself and is searchable while it follows the corpus (a cluster).
   */
  boolean repairsDamagedCopy();

  /** Bytes the index takes (on disk, or in the cluster's primary shards). */
  long sizeBytes() throws IOException;

  /** Where the index is, for messages ("the Lucene index in index/lucene", "OpenSearch alias … at …"). */
  String describe();

  /** One ranked video: its score and the {@link #META} fields a result card shows. */
  interface Hit {
    float score();

    StoredValues meta();
  }

  /**
   * Where a query matches in a hit: characters {@code [start, end)} of the text of {@code field}
   * ({@code text.<lang>}, {@code grams.<lang>} — offsets into the same transcript as its
   * {@code text.<lang>} —, title or chapters), and the required groups it is of: bit {@code i} for
   * group {@code i} of the groups asked about.
   */
  record Span(String field, int start, int end, long groups) {}

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
    Page top(SearchQuery ranking, SearchQuery matching, boolean byDate, int n) throws IOException;

    int count(SearchQuery query) throws IOException;

    /**
     * Where in a hit each of {@code groups} (at most 64: a query's required groups) matches in a
     * title, chapter title or transcript: every match with character offsets, field by field. A
     * prefix, wildcard or fuzzy word matches as the index terms it expanded to in the search. Asked
     * for each hit of a search with the same list; a view may keep what it prepared for it.
     */
    List<Span> spans(Hit hit, List<SearchQuery> groups) throws IOException;

    /** The hit's stored fields among {@code fields}. */
    StoredValues stored(Hit hit, Set<String> fields) throws IOException;

    /**
     * The text of a matched field of a hit ({@code text.<lang>}, {@code grams.<lang>}, title or
     * chapters), out of {@code stored}, the hit's fields as {@link #stored} gave them; null when it
     * has none. A view may keep texts it has unpacked before.
     */
    default String text(Hit hit, StoredValues stored, String field) {
      return StoredTexts.text(stored, field);
    }

    /** The time map of a matched field of a hit, as {@link #text}; null for fields without times. */
    default TimeMap timeMap(Hit hit, StoredValues stored, String field) {
      return StoredTexts.timeMap(stored, field);
    }

    /** The {@link #META} fields of a video, or null when the index does not hold it. */
    StoredValues card(String videoId) throws IOException;

    /** How many videos hold this exact word in the spelling vocabulary ({@link Fields#WORDS}). */
    int vocabularyCount(String word) throws IOException;

    /** The vocabulary word closest to an unknown one (two edits at most), or null. */
    String closestWord(String word) throws IOException;

    /** Up to {@code max} vocabulary words starting with {@code prefix}, each with its video count. */
    List<Word> wordsStartingWith(String prefix, int max) throws IOException;

    /** Videos, transcripts by language tag, and caption cues held. */
    int videos() throws IOException;

    /** Videos written in this version's document layout ({@link Fields#SCHEMA_VERSION}). */
    int videosInCurrentLayout() throws IOException;

    Map<String, Integer> transcriptsByLanguage() throws IOException;

    long cues() throws IOException;
  }
}
