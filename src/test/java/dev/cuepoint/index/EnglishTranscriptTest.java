package dev.cuepoint.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cuepoint.captions.CaptionException;
import dev.cuepoint.captions.Captions;
import dev.cuepoint.realdata.RealData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PayloadAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The single analysis of an English transcript makes, for each of its three fields, exactly the tokens
 * the field's own analysis makes: every attribute of every token, and the state after the last; for
 * {@code words}, which indexes only which words a video has, each word once.
 */
class EnglishTranscriptTest {
  private final Analyzers analyzers = new Analyzers();

  /** Every attribute the index could read, one line per token, then the end state. */
  private static List<String> tokens(TokenStream ts) throws IOException {
    List<String> out = new ArrayList<>();
    try (ts) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      PositionLengthAttribute length = ts.addAttribute(PositionLengthAttribute.class);
      TypeAttribute type = ts.addAttribute(TypeAttribute.class);
      TermFrequencyAttribute freq = ts.addAttribute(TermFrequencyAttribute.class);
      KeywordAttribute keyword = ts.getAttribute(KeywordAttribute.class);
      PayloadAttribute payload = ts.getAttribute(PayloadAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term + " " + offset.startOffset() + "-" + offset.endOffset() + " +" + inc.getPositionIncrement()
            + " len " + length.getPositionLength() + " " + type.type() + " freq " + freq.getTermFrequency()
            + (keyword != null && keyword.isKeyword() ? " keyword" : "")
            + (payload != null && payload.getPayload() != null ? " payload" : ""));
      }
      ts.end();
      out.add("end " + offset.startOffset() + "-" + offset.endOffset() + " +" + inc.getPositionIncrement());
    }
    return out;
  }

  private static List<String> terms(TokenStream ts) throws IOException {
    List<String> out = new ArrayList<>();
    try (ts) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    }
    return out;
  }

  private static List<String> distinctTerms(TokenStream ts) throws IOException {
    return terms(ts).stream().distinct().toList();
  }

  private void assertSameTokens(String text) throws IOException {
    EnglishTranscript once = new EnglishTranscript(text);
    // asked in another order than the index asks, to show the order does not matter
    assertEquals(distinctTerms(analyzers.tokenStream(Fields.WORDS, text)), terms(once.words()), "words of: " + text);
    assertEquals(tokens(analyzers.tokenStream(Fields.exact("en"), text)), tokens(once.exact()), "exact of: " + text);
    assertEquals(tokens(analyzers.tokenStream(Fields.text("en"), text)), tokens(once.stemmed()), "stemmed of: " + text);
    // and again: each field can be replayed
    assertEquals(tokens(analyzers.tokenStream(Fields.text("en"), text)), tokens(once.stemmed()));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "",
    "   ",
    "...!?",
    "Neurons that fire together wire together.",
    "Euler's number 2.71828, e^x and 28x28 images; Hodgkin-Huxley, mp3s, R2-D2, C++ and Wi-Fi",
    "½ ﬁne full-width ＡＢＣ Schrödinger Ångström naïve café",
    "universities universe running ran runs studies studying",
    "he said \"don't\" — it's O'Neil's; e.g. U.S.A. 3,000,000 1e-9 192.168.0.1 x86_64 foo_bar",
    "mixed 神经元 scripts नमस्ते مرحبا 🧠 emoji 👩‍🔬 and combining e\u0301",
    "[Music] >> SPEAKER: okay so um -- the next-- thing"
  })
  void tokens_equal_the_separate_analyses(String text) throws IOException {
    assertSameTokens(text);
  }

  @Test
  void a_token_too_long_for_the_word_breaker_leaves_the_same_position_gap() throws IOException {
    assertSameTokens("before " + "a".repeat(300) + " after " + "b".repeat(300));
  }

  @Test
  void tokens_equal_the_separate_analyses_on_real_transcripts() throws IOException {
    Path root = RealData.require("3b1b");
    Captions captions = Captions.standard();
    List<Path> files;
    try (Stream<Path> all = Stream.concat(Files.walk(root), Files.walk(RealData.ROOT.resolve("neuro4ml")))) {
      files = all.filter(f -> f.toString().endsWith(".srt") || f.toString().endsWith(".vtt")).sorted().toList();
    }
    int checked = 0;
    for (Path f : files) {
      String text;
      try {
        text = TimedText.ofCues(captions.read(f).cues()).text();
      } catch (CaptionException e) {
        continue; // the real data holds a few deliberately broken files
      }
      assertSameTokens(text);
      checked++;
    }
    assertTrue(checked > 100, "only " + checked + " real transcripts checked");
  }

  @Test
  void a_document_gives_english_transcript_fields_the_same_tokens_and_keeps_their_text() throws IOException {
    String said = "Euler's formula: e^(iπ) = -1, studied by universities";
    var video = new dev.cuepoint.corpus.Video("abcdefghijk", "Title", "", "", "", null, 0, "", "en", List.of(),
        List.of(), List.of(new dev.cuepoint.corpus.Transcript("en", dev.cuepoint.corpus.Transcript.Kind.MANUAL, "test",
            List.of(new dev.cuepoint.captions.Cue(0, 1000, said)))));
    var doc = VideoDocuments.of(video, "print");
    for (String field : List.of(Fields.text("en"), Fields.exact("en"))) {
      assertEquals(said, doc.getField(field).stringValue(), "OpenSearch analyses the text itself");
      assertEquals(tokens(analyzers.tokenStream(field, said)), tokens(doc.getField(field).tokenStream(analyzers, null)));
    }
    var words = doc.getFields(Fields.WORDS);
    var transcriptWords = words[words.length - 1];
    assertEquals(said, transcriptWords.stringValue());
    assertEquals(distinctTerms(analyzers.tokenStream(Fields.WORDS, said)),
        terms(transcriptWords.tokenStream(analyzers, null)));
  }

  /** The words field as the analyzer indexed it, every repeat included, and as documents index it now. */
  @Test
  void the_words_field_indexes_the_same_terms_and_statistics_with_each_word_given_once() throws IOException {
    List<String> texts = List.of(
        "the cat saw the other cat; The CAT's café",
        "Euler's number, euler's formula and EULER",
        "cats and dogs, cats and dogs, cats");
    FieldType vocabulary = new FieldType();
    vocabulary.setIndexOptions(IndexOptions.DOCS);
    vocabulary.setTokenized(true);
    vocabulary.setOmitNorms(true);
    vocabulary.freeze();
    try (Directory separate = new ByteBuffersDirectory(); Directory once = new ByteBuffersDirectory()) {
      try (IndexWriter a = new IndexWriter(separate, new IndexWriterConfig(analyzers));
          IndexWriter b = new IndexWriter(once, new IndexWriterConfig(analyzers))) {
        for (String text : texts) {
          Document da = new Document();
          da.add(new Field(Fields.WORDS, "Title " + text, vocabulary));
          da.add(new Field(Fields.WORDS, text, vocabulary));
          a.addDocument(da);
          Document db = new Document();
          db.add(new Field(Fields.WORDS, "Title " + text, vocabulary));
          db.add(new Field(Fields.WORDS, text, vocabulary) {
            @Override
            public TokenStream tokenStream(org.apache.lucene.analysis.Analyzer analyzer, TokenStream reuse) {
              return new EnglishTranscript(text).words();
            }
          });
          b.addDocument(db);
        }
      }
      assertEquals(vocabularyOf(separate), vocabularyOf(once));
      assertTrue(vocabularyOf(once).contains("cat docs 1 total 1"), vocabularyOf(once).toString());
    }
  }

  private static List<String> vocabularyOf(Directory dir) throws IOException {
    List<String> out = new ArrayList<>();
    try (DirectoryReader r = DirectoryReader.open(dir)) {
      Terms terms = MultiTerms.getTerms(r, Fields.WORDS);
      out.add("docs " + terms.getDocCount() + " sumDocFreq " + terms.getSumDocFreq() + " sumTotalTermFreq "
          + terms.getSumTotalTermFreq() + " positions " + terms.hasPositions() + " freqs " + terms.hasFreqs());
      TermsEnum te = terms.iterator();
      for (BytesRef t = te.next(); t != null; t = te.next()) {
        out.add(t.utf8ToString() + " docs " + te.docFreq() + " total " + te.totalTermFreq());
      }
    }
    return out;
  }
}
