package dev.cuepoint.search;

import dev.cuepoint.index.Analyzers;
import dev.cuepoint.index.Fields;
import dev.cuepoint.index.Languages;
import dev.cuepoint.index.SearchQuery;
import dev.cuepoint.index.SearchQuery.Occur;
import dev.cuepoint.search.QuerySyntax.Group;
import dev.cuepoint.search.QuerySyntax.Kind;
import dev.cuepoint.search.QuerySyntax.ParsedQuery;
import dev.cuepoint.search.QuerySyntax.Target;
import dev.cuepoint.search.QuerySyntax.Term;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link ParsedQuery} into {@link SearchQuery}s: one that ranks videos, one that counts them,
 * and one whose matches are the moments. Each term is analysed with the analyzer of each field it is
 * searched in, so a word finds its stemmed form in English transcripts and its exact form elsewhere.
 *
 * <p>An instance builds the queries of one search, in one thread: it keeps what it analysed, since the
 * three queries analyse the same words for the same fields.
 */
final class KeywordQueries {
  /** How much a match in each field counts; a title or chapter names what a video is about. */
  private static final float TITLE_BOOST = 3f;
  private static final float CHAPTERS_BOOST = 2f;
  private static final float DESCRIPTION_BOOST = 0.7f;
  private static final float CHANNEL_BOOST = 0.5f;
  private static final float TRANSCRIPT_BOOST = 1f;
  private static final float EXACT_BOOST = 2f;

  /**
   * Videos holding every required group score this much more than any that misses one: BM25 scores
   * here stay far below it, so "all words" ranks first and partial matches still follow.
   */
  private static final float ALL_TERMS_BONUS = 1000f;

  /**
   * Words said close together (within this many positions, in any order) score extra: people type
   * words they heard in one breath.
   */
  static final int PROXIMITY_SLOP = 24;

  private static final float PROXIMITY_BOOST = 12f;

  private final Analyzers analyzer;
  private final List<String> transcriptFields;
  /** Field and text → their analysis, for this search's queries. */
  private final Map<String, List<Analyzers.Token>> analysed = new HashMap<>();
  private final Map<String, String> normalizedTexts = new HashMap<>();

  /** What a query is for: which fields a term is searched in. */
  private enum Use {
    /** Every field, the exact copies too (they rank "said exactly" first). */
    RANK,
    /** The fields that decide whether a video matches; see {@link #matching}. */
    COUNT,
    /** Titles, chapter titles and transcripts: the fields whose matches have a time. */
    MOMENTS
  }

  /** @param transcriptFields the {@code text.<lang>} fields to search */
  KeywordQueries(Analyzers analyzer, List<String> transcriptFields) {
    this.analyzer = analyzer;
    this.transcriptFields = List.copyOf(transcriptFields);
  }

  /** Ranks videos: all required groups first, then partial matches; excluded groups removed. */
  SearchQuery ranking(ParsedQuery parsed) {
    SearchQuery.BoolBuilder all = SearchQuery.bool();
    SearchQuery.BoolBuilder any = SearchQuery.bool();
    List<Group> required = parsed.required();
    for (Group g : required) {
      SearchQuery q = group(g, Use.RANK);
      all.add(q, Occur.MUST);
      any.add(q, Occur.SHOULD);
    }
    if (required.size() > 1) {
      any.add(new SearchQuery.Boost(new SearchQuery.ConstantScore(all.build()), ALL_TERMS_BONUS), Occur.SHOULD);
      for (String field : transcriptFields) {
        SearchQuery near = proximity(required, field);
        if (near != null) {
          any.add(new SearchQuery.Boost(near, PROXIMITY_BOOST), Occur.SHOULD);
        }
      }
    }
    any.minimumShouldMatch(1);
    for (Group g : parsed.excluded()) {
      any.add(group(g, Use.RANK), Occur.MUST_NOT);
    }
    return any.build();
  }

  /**
   * The videos {@link #ranking} finds, without its scoring-only clauses: the same count, far cheaper
   * to compute. The all-words bonus and the proximity phrases match only videos the groups match
   * already, and a sloppy phrase must be checked in every video holding its words. The English exact
   * copy is left out too: its words are the stemmed field's words before stemming, at the same
   * positions, so a phrase said exactly is always also found stemmed (other languages' analysis folds
   * after stemming, so there the two can differ, and their exact copies stay).
   */
  SearchQuery matching(ParsedQuery parsed) {
    return counted(parsed, Occur.SHOULD, 1);
  }

  /**
   * The videos holding every required group and no excluded one: those {@link #ranking} gives its
   * all-words bonus. Fields as in {@link #matching}.
   */
  SearchQuery everyGroup(ParsedQuery parsed) {
    return counted(parsed, Occur.MUST, 0);
  }

  /** The required groups, each as {@code each}, in the fields that decide a match; no excluded group. */
  private SearchQuery counted(ParsedQuery parsed, Occur each, int minimumShouldMatch) {
    SearchQuery.BoolBuilder out = SearchQuery.bool();
    for (Group g : parsed.required()) {
      out.add(group(g, Use.COUNT), each);
    }
    out.minimumShouldMatch(minimumShouldMatch);
    for (Group g : parsed.excluded()) {
      out.add(group(g, Use.COUNT), Occur.MUST_NOT);
    }
    return out.build();
  }

  /**
   * Every place a required term occurs in a title, chapter title or transcript: one query per required
   * group, in the order of {@link ParsedQuery#required()}, so a match can tell which group it is of.
   */
  List<SearchQuery> moments(ParsedQuery parsed) {
    List<SearchQuery> out = new ArrayList<>();
    for (Group g : parsed.required()) {
      out.add(group(g, Use.MOMENTS));
    }
    return out;
  }

  /**
   * A sloppy phrase of the plain words among the required groups, or null when fewer than two, or
   * when in an English transcript all of them are {@link CommonWords function words}: there their
   * closeness says nothing, and checking it read the positions of both words in nearly every video.
   */
  private SearchQuery proximity(List<Group> required, String field) {
    List<String> terms = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    int position = 0;
    boolean onlyCommon = Languages.isEnglish(Fields.languageOf(field));
    for (Group g : required) {
      Term t = g.anyOf().getFirst();
      if (g.anyOf().size() != 1 || t.kind() != Kind.WORD || t.target() != Target.ANY) {
        continue;
      }
      onlyCommon &= CommonWords.isEnglish(t.text());
      for (Analyzers.Token tok : analysed(field, t.text())) {
        terms.add(tok.text());
        positions.add(position++);
      }
    }
    return position < 2 || onlyCommon ? null : new SearchQuery.Phrase(field, terms, positions, PROXIMITY_SLOP);
  }

  private SearchQuery group(Group g, Use use) {
    if (g.anyOf().size() == 1) {
      return term(g.anyOf().getFirst(), use);
    }
    SearchQuery.BoolBuilder b = SearchQuery.bool();
    for (Term t : g.anyOf()) {
      b.add(term(t, use), Occur.SHOULD);
    }
    return b.build();
  }

  /** The term searched in each of its target's fields; matching any one field is enough. */
  private SearchQuery term(Term t, Use use) {
    SearchQuery.BoolBuilder b = SearchQuery.bool();
    int clauses = 0;
    boolean timedFieldsOnly = use == Use.MOMENTS;
    List<FieldBoost> fields = new ArrayList<>(fields(t, timedFieldsOnly));
    fields.addAll(exactFields(t, use));
    for (FieldBoost fb : fields) {
      SearchQuery q = inField(t, fb.field());
      if (q != null) {
        b.add(fb.boost() == 1f ? q : new SearchQuery.Boost(q, fb.boost()), Occur.SHOULD);
        clauses++;
      }
    }
    return clauses == 0 ? new SearchQuery.MatchNone("no field can hold " + t.text()) : b.build();
  }

  private record FieldBoost(String field, float boost) {}

  private List<FieldBoost> fields(Term t, boolean timedFieldsOnly) {
    Target target = t.target();
    List<FieldBoost> out = new ArrayList<>();
    if (target == Target.ANY || target == Target.TITLE) {
      out.add(new FieldBoost(Fields.TITLE, TITLE_BOOST));
    }
    if (target == Target.ANY || target == Target.CHAPTERS) {
      out.add(new FieldBoost(Fields.CHAPTERS, CHAPTERS_BOOST));
    }
    if (!timedFieldsOnly && (target == Target.ANY || target == Target.DESCRIPTION)) {
      out.add(new FieldBoost(Fields.DESCRIPTION, DESCRIPTION_BOOST));
    }
    if (!timedFieldsOnly && (target == Target.ANY || target == Target.CHANNEL)) {
      out.add(new FieldBoost(Fields.CHANNEL, CHANNEL_BOOST));
    }
    if (target == Target.ANY || target == Target.TRANSCRIPT) {
      boolean sequence = t.kind() == Kind.WORD || t.kind() == Kind.PHRASE;
      for (String f : transcriptFields) {
        String lang = Fields.languageOf(f);
        boolean grams = sequence && Languages.usesGrams(lang);
        // in Chinese, Japanese, Thai… words and phrases are found as character sequences (moments come
        // from there); the dictionary-tokenized field still adds to the ranking
        if (!grams || !timedFieldsOnly) {
          out.add(new FieldBoost(f, TRANSCRIPT_BOOST));
        }
        if (grams) {
          out.add(new FieldBoost(Fields.grams(lang), TRANSCRIPT_BOOST));
        }
      }
    }
    return out;
  }

  /** For quoted phrases: the unstemmed copies of transcripts, so "said exactly" ranks first. */
  private List<FieldBoost> exactFields(Term t, Use use) {
    if (use == Use.MOMENTS || t.kind() != Kind.PHRASE
        || (t.target() != Target.ANY && t.target() != Target.TRANSCRIPT)) {
      return List.of();
    }
    List<FieldBoost> out = new ArrayList<>();
    for (String f : transcriptFields) {
      String lang = Fields.languageOf(f);
      if (Languages.hasExactCopy(lang) && !(use == Use.COUNT && Languages.isEnglish(lang))) {
        out.add(new FieldBoost(Fields.exact(lang), EXACT_BOOST));
      }
    }
    return out;
  }

  /** One term in one field, or null when the field's analysis leaves nothing of it. */
  SearchQuery inField(Term t, String field) {
    return switch (t.kind()) {
      case WORD, PHRASE -> phrase(field, t.text());
      case PREFIX -> {
        String p = normalized(field, t.text());
        yield p.isEmpty() ? null : new SearchQuery.Prefix(field, p);
      }
      case WILDCARD -> {
        String w = normalized(field, t.text());
        yield QuerySyntax.hasSearchable(w) ? new SearchQuery.Wildcard(field, w) : null;
      }
      case FUZZY -> fuzzy(field, t);
    };
  }

  private SearchQuery fuzzy(String field, Term t) {
    List<String> tokens = analysed(field, t.text()).stream().map(Analyzers.Token::text).toList();
    String word = tokens.size() == 1 ? tokens.getFirst() : normalized(field, t.text());
    if (word.isEmpty()) {
      return null;
    }
    int length = word.codePointCount(0, word.length());
    int edits = t.edits() >= 0 ? t.edits() : length <= 2 ? 0 : length <= 5 ? 1 : 2;
    return edits == 0 ? new SearchQuery.Term(field, word) : new SearchQuery.Fuzzy(field, word, edits);
  }

  private SearchQuery phrase(String field, String text) {
    List<Analyzers.Token> tokens = analysed(field, text);
    if (tokens.isEmpty()) {
      return null;
    }
    if (tokens.size() == 1) {
      return new SearchQuery.Term(field, tokens.getFirst().text());
    }
    List<String> terms = new ArrayList<>(tokens.size());
    List<Integer> positions = new ArrayList<>(tokens.size());
    for (Analyzers.Token tok : tokens) {
      terms.add(tok.text());
      positions.add(tok.position());
    }
    return new SearchQuery.Phrase(field, terms, positions, 0);
  }

  /** The field's analysis of a text, once per search. */
  private List<Analyzers.Token> analysed(String field, String text) {
    return analysed.computeIfAbsent(field + '\u0000' + text, k -> List.copyOf(analyzer.tokens(field, text)));
  }

  private String normalized(String field, String text) {
    return normalizedTexts.computeIfAbsent(field + '\u0000' + text, k -> analyzer.normalized(field, text).strip());
  }
}
