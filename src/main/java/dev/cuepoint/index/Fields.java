package dev.cuepoint.index;

/**
 * Every Lucene field name Cuepoint uses, in one place. One Lucene document is one video.
 *
 * <p>Transcripts are indexed per language in fields named {@code text.<lang>} (each analysed for its
 * language), stored compressed in {@code transcript.<lang>}, with a parallel stored time map {@code
 * times.<lang>}: the text is the video's cue texts joined by spaces, the time map says at which
 * millisecond each cue (and each word, where the captions carry word timings) starts. Chapter titles are indexed the same way, so a match in a chapter title
 * maps to the chapter's start.
 */
public final class Fields {
  /** Video id: indexed as a single term, stored, and as sorted doc values for incremental updates. */
  public static final String ID = "id";
  /** Hash of the corpus entry the document was built from (binary doc values). */
  public static final String FINGERPRINT = "fingerprint";
  /** Index layout version; a document with another version is rebuilt. */
  public static final String SCHEMA = "schema";

  public static final String TITLE = "title";
  public static final String DESCRIPTION = "description";
  public static final String CHANNEL = "channel";
  /** All chapter titles, joined; with {@link #CHAPTER_TIMES}. */
  public static final String CHAPTERS = "chapters";
  public static final String CHAPTER_TIMES = "chapters.times";

  /** Playlist ids (one term each, stored). */
  public static final String PLAYLIST = "playlist";
  /** Languages of the indexed transcripts (one term each, stored). */
  public static final String LANG = "lang";
  /** Primary subtags of the transcripts' languages ({@code zh} for {@code zh-Hans}), for filters. */
  public static final String LANG_PRIMARY = "lang.primary";

  /** Publication time, epoch milliseconds: point for ranges, doc values for sorting, stored. */
  public static final String PUBLISHED = "published";
  public static final String DURATION = "duration";
  /** Number of cues in the video's searched transcripts (doc values, for the status counts). */
  public static final String CUES = "cues";
  public static final String THUMBNAIL = "thumbnail";
  /** Stored "1" on a recording that exists only here ({@link dev.cuepoint.corpus.Video#localOnly}). */
  public static final String LOCAL = "local";

  /** Prefix of the per-language transcript text fields. */
  public static final String TEXT_PREFIX = "text.";
  /**
   * Prefix of the unstemmed copy of transcripts in stemmed languages (positions only): a quoted phrase
   * ranks videos where it is said word for word above those where only its stems match.
   */
  public static final String EXACT_PREFIX = "exact.";

  /**
   * Prefix of the character-pair copy of transcripts in languages written without spaces, and Korean
   * (offsets, not stored): quoted phrases there are matched as character sequences.
   */
  public static final String GRAMS_PREFIX = "grams.";

  /**
   * Prefix of the per-language stored transcript texts ({@link CompressedText}); the {@code
   * text.<lang>} fields are indexed only, and their match offsets point into these texts.
   */
  public static final String TRANSCRIPT_PREFIX = "transcript.";

  /** Prefix of the per-language stored time maps. */
  public static final String TIMES_PREFIX = "times.";
  /** Prefix of the per-language stored transcript kind ({@code manual}/{@code auto}). */
  public static final String KIND_PREFIX = "kind.";

  /**
   * Unstemmed, lowercased words of titles, chapters and transcripts: the vocabulary for "did you
   * mean" and completions.
   */
  public static final String WORDS = "words";

  /** Bumped when documents change shape; older documents are then re-indexed. */
  public static final int SCHEMA_VERSION = 5;

  // --- the passage index (<data>/vectors/lucene): one document per passage, plus one per video ---
  // It reuses ID, PLAYLIST, PUBLISHED, LANG and LANG_PRIMARY with the same meaning, for the same filters.

  /** {@code video} for the one document per video (holding its fingerprint), {@code passage} otherwise. */
  public static final String DOC_TYPE = "doctype";
  /** Fingerprint of a video's passages (corpus fingerprint, embedder, layout), stored on its video document. */
  public static final String PASSAGES_OF = "passages.of";
  /** The passage's sentence-embedding vector (HNSW, dot product of unit vectors). */
  public static final String VECTOR = "vector";
  /** Passage start and end, milliseconds (stored). */
  public static final String START_MS = "start";
  public static final String END_MS = "end";
  /** Passage text (stored only: it is found by its vector). */
  public static final String PASSAGE = "passage";
  /** Whether the passage's captions are {@code manual} or {@code auto} (stored). */
  public static final String CAPTIONS = "captions";

  private Fields() {}

  public static String text(String lang) {
    return TEXT_PREFIX + lang;
  }

  public static String exact(String lang) {
    return EXACT_PREFIX + lang;
  }

  public static String grams(String lang) {
    return GRAMS_PREFIX + lang;
  }

  public static String transcript(String lang) {
    return TRANSCRIPT_PREFIX + lang;
  }

  public static String times(String lang) {
    return TIMES_PREFIX + lang;
  }

  public static String kind(String lang) {
    return KIND_PREFIX + lang;
  }

  /** The language of a {@code text.<lang>} field, or null for any other field. */
  public static String languageOf(String field) {
    return field.startsWith(TEXT_PREFIX) ? field.substring(TEXT_PREFIX.length()) : null;
  }

  /**
   * The language of a field whose matches are moments in a transcript ({@code text.<lang>} or {@code
   * grams.<lang>}, both over the text stored in {@code text.<lang>}), or null.
   */
  public static String transcriptLanguageOf(String field) {
    if (field.startsWith(TEXT_PREFIX)) {
      return field.substring(TEXT_PREFIX.length());
    }
    return field.startsWith(GRAMS_PREFIX) ? field.substring(GRAMS_PREFIX.length()) : null;
  }
}
