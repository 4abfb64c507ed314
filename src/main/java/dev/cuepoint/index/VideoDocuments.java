package dev.cuepoint.index;

import dev.cuepoint.corpus.PlaylistEntry;
import dev.cuepoint.corpus.Transcript;
import dev.cuepoint.corpus.Video;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;

/** Turns a corpus {@link Video} into its one Lucene document. */
public final class VideoDocuments {
  /**
   * Stored text indexed with offsets, so each match can be mapped back to a character and a time: the
   * title and the chapter titles (transcripts are indexed with {@link #OFFSETS} and stored compressed).
   */
  static final FieldType TIMED_TEXT = new FieldType(TextField.TYPE_STORED);

  /** Searchable words with positions, for phrases; nothing stored. */
  private static final FieldType POSITIONS = new FieldType(TextField.TYPE_NOT_STORED);

  /**
   * Positions and offsets for matches, nothing stored: transcripts ({@code text.<lang>}, the text
   * stored compressed in {@code transcript.<lang>}) and their character-pair copies.
   */
  private static final FieldType OFFSETS = new FieldType(TextField.TYPE_NOT_STORED);

  /** Vocabulary only: which words occur, for spelling suggestions. */
  private static final FieldType VOCABULARY = new FieldType();

  static {
    TIMED_TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    TIMED_TEXT.freeze();
    POSITIONS.freeze();
    OFFSETS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    OFFSETS.freeze();
    VOCABULARY.setIndexOptions(IndexOptions.DOCS);
    VOCABULARY.setTokenized(true);
    VOCABULARY.setOmitNorms(true);
    VOCABULARY.freeze();
  }

  private VideoDocuments() {}

  public static Document of(Video v, String fingerprint) {
    Document d = new Document();
    d.add(new StringField(Fields.ID, v.id(), Field.Store.YES));
    d.add(new SortedDocValuesField(Fields.ID, new BytesRef(v.id())));
    d.add(new BinaryDocValuesField(Fields.FINGERPRINT, new BytesRef(fingerprint)));
    d.add(new NumericDocValuesField(Fields.SCHEMA, Fields.SCHEMA_VERSION));

    d.add(new Field(Fields.TITLE, v.title(), TIMED_TEXT));
    d.add(new TextField(Fields.DESCRIPTION, v.description(), Field.Store.NO));
    d.add(new TextField(Fields.CHANNEL, v.channel(), Field.Store.YES));
    d.add(new Field(Fields.WORDS, v.title(), VOCABULARY));
    if (!v.chapters().isEmpty()) {
      TimedText chapters = TimedText.ofChapters(v.chapters());
      d.add(new Field(Fields.CHAPTERS, chapters.text(), TIMED_TEXT));
      d.add(new StoredField(Fields.CHAPTER_TIMES, chapters.times().encode()));
      d.add(new Field(Fields.WORDS, chapters.text(), VOCABULARY));
    }
    for (PlaylistEntry p : v.playlists()) {
      d.add(new StringField(Fields.PLAYLIST, p.playlistId(), Field.Store.YES));
    }
    if (v.publishedAt() != null) {
      long ms = v.publishedAt().toEpochMilli();
      d.add(new LongPoint(Fields.PUBLISHED, ms));
      d.add(new NumericDocValuesField(Fields.PUBLISHED, ms));
      d.add(new StoredField(Fields.PUBLISHED, ms));
    }
    d.add(new StoredField(Fields.DURATION, v.durationSeconds()));
    d.add(new StoredField(Fields.THUMBNAIL, v.thumbnailUrl()));
    if (v.localOnly()) {
      d.add(new StoredField(Fields.LOCAL, "1"));
    }

    java.util.Set<String> langs = new java.util.LinkedHashSet<>();
    long cues = 0;
    for (Transcript t : searchable(v.transcripts())) {
      TimedText text = TimedText.ofCues(t.cues(), Languages.isUnspaced(t.language()));
      d.add(new StringField(Fields.LANG, t.language(), Field.Store.YES));
      langs.add(Languages.primary(t.language()));
      cues += t.cues().size();
      // English: one analysis for the three fields (the others analyse theirs as usual)
      EnglishTranscript english = Languages.isEnglish(t.language()) ? new EnglishTranscript(text.text()) : null;
      d.add(english == null
          ? new Field(Fields.text(t.language()), text.text(), OFFSETS)
          : new Analysed(Fields.text(t.language()), text.text(), OFFSETS, english::stemmed));
      d.add(new StoredField(Fields.transcript(t.language()), CompressedText.compress(text.text())));
      d.add(new StoredField(Fields.times(t.language()), text.times().encode()));
      if (Languages.hasExactCopy(t.language())) {
        d.add(english == null
            ? new Field(Fields.exact(t.language()), text.text(), POSITIONS)
            : new Analysed(Fields.exact(t.language()), text.text(), POSITIONS, english::exact));
      }
      if (Languages.usesGrams(t.language())) {
        d.add(new Field(Fields.grams(t.language()), text.text(), OFFSETS));
      }
      d.add(new StoredField(Fields.kind(t.language()), t.kind().json()));
      d.add(english == null
          ? new Field(Fields.WORDS, text.text(), VOCABULARY)
          : new Analysed(Fields.WORDS, text.text(), VOCABULARY, english::words));
    }
    for (String lang : langs) {
      d.add(new StringField(Fields.LANG_PRIMARY, lang, Field.Store.NO));
    }
    d.add(new NumericDocValuesField(Fields.CUES, cues));
    return d;
  }

  /**
   * A text field whose tokens come from an analysis shared with other fields of its document rather
   * than from the index's analyzer; its value is still the text, for whoever reads the document
   * (OpenSearch analyses the text itself, with the same {@link Analyzers}).
   */
  private static final class Analysed extends Field {
    private final Supplier<TokenStream> tokens;

    Analysed(String name, String text, FieldType type, Supplier<TokenStream> tokens) {
      super(name, text, type);
      this.tokens = tokens;
    }

    @Override
    public TokenStream tokenStream(Analyzer analyzer, TokenStream reuse) {
      return tokens.get();
    }
  }

  /**
   * One transcript per language: people's captions over YouTube's automatic ones over Cuepoint's own
   * transcript, and among equals the one with more cues. The others stay in the corpus.
   */
  static List<Transcript> searchable(List<Transcript> transcripts) {
    Map<String, Transcript> best = new LinkedHashMap<>();
    for (Transcript t : transcripts) {
      if (t.cues().isEmpty()) {
        continue;
      }
      best.merge(t.language(), t, (a, b) -> better(a, b) ? a : b);
    }
    return List.copyOf(best.values());
  }

  private static boolean better(Transcript a, Transcript b) {
    if (a.kind() != b.kind()) {
      return a.kind().ordinal() < b.kind().ordinal(); // the order of Transcript.Kind: manual, auto, asr-local
    }
    return a.cues().size() >= b.cues().size();
  }
}
