package dev.cuepoint.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the query language people know from web search into a {@link ParsedQuery}. It never fails on
 * odd input: stray operators and wildcards are dropped, an unclosed quote runs to the end. It throws
 * {@link InvalidQueryException} only when nothing searchable is left, or the query is too long.
 *
 * <pre>
 *   spike timing          both words (videos with all words rank first)
 *   "spike timing"        the phrase
 *   neuro*  n?uron        prefix, wildcard
 *   hebian~  hebian~1     fuzzy (edit distance 1 or 2; default by word length)
 *   -dopamine             exclude
 *   stdp OR hebbian       either
 *   title:plasticity  chapter:"the model"  channel:  description:  transcript:
 * </pre>
 */
public final class QuerySyntax {
  /** Longer queries are refused: no one types them, and they only cost time. */
  public static final int MAX_LENGTH = 1000;

  /** More terms than this are refused with a message. */
  public static final int MAX_TERMS = 64;

  /**
   * Fuzzy, wildcard and prefix terms each become an automaton matched against every field in every
   * language: more than this many are refused (60 fuzzy terms took most of a second).
   */
  public static final int MAX_EXPANDING_TERMS = 8;

  /** More {@code *} and {@code ?} than this in one term are refused: their automata grow fast. */
  public static final int MAX_WILDCARDS = 4;

  /**
   * Fuzzy words longer than this are refused, and more fuzzy words than {@link #MAX_FUZZY_TERMS}: their
   * automata grow with the square of the length and are built for every field in every language
   * (eight of 120 letters took over ten seconds, eight of 40 most of a second, four of 20 a third).
   */
  public static final int MAX_FUZZY_LENGTH = 15;

  public static final int MAX_FUZZY_TERMS = 2;

  private static final Map<String, Target> FIELDS =
      Map.ofEntries(
          Map.entry("title", Target.TITLE),
          Map.entry("description", Target.DESCRIPTION),
          Map.entry("desc", Target.DESCRIPTION),
          Map.entry("chapter", Target.CHAPTERS),
          Map.entry("chapters", Target.CHAPTERS),
          Map.entry("channel", Target.CHANNEL),
          Map.entry("transcript", Target.TRANSCRIPT),
          Map.entry("text", Target.TRANSCRIPT),
          Map.entry("said", Target.TRANSCRIPT));

  private QuerySyntax() {}

  /** Which part of a video a term must be found in. */
  public enum Target {
    ANY,
    TITLE,
    DESCRIPTION,
    CHAPTERS,
    CHANNEL,
    TRANSCRIPT
  }

  /** How a term matches. */
  public enum Kind {
    WORD,
    PHRASE,
    PREFIX,
    WILDCARD,
    FUZZY
  }

  /**
   * One thing to look for.
   *
   * @param text what the user typed for it, without operators (for prefix, without the {@code *})
   * @param edits for fuzzy terms, the edit distance asked for, or -1 for "by word length"
   */
  public record Term(Target target, Kind kind, String text, int edits) {}

  /** Terms joined by OR; a group either must match or must not. */
  public record Group(List<Term> anyOf, boolean excluded) {
    public Group {
      anyOf = List.copyOf(anyOf);
    }
  }

  /** A parsed query: groups that must all match (AND), and groups that must not. */
  public record ParsedQuery(List<Group> groups) {
    public ParsedQuery {
      groups = List.copyOf(groups);
    }

    public List<Group> required() {
      return groups.stream().filter(g -> !g.excluded()).toList();
    }

    public List<Group> excluded() {
      return groups.stream().filter(Group::excluded).toList();
    }
  }

  public static ParsedQuery parse(String query) {
    if (query == null || query.isBlank()) {
      throw new InvalidQueryException("the query is empty: type a word or a \"phrase\" to search for");
    }
    if (query.length() > MAX_LENGTH) {
      throw new InvalidQueryException(
          "the query is too long (" + query.length() + " characters; at most " + MAX_LENGTH + ")");
    }
    // the analyzers apply NFKC, which spells one character out as up to 18 (U+FDFA): bound that too
    int normalized = java.text.Normalizer.normalize(query, java.text.Normalizer.Form.NFKC).length();
    if (normalized > MAX_LENGTH) {
      throw new InvalidQueryException("the query is too long (" + normalized
          + " characters once its compatibility characters are spelled out; at most " + MAX_LENGTH + ")");
    }
    String q = cleanControls(query);
    List<Group> groups = new ArrayList<>();
    boolean pendingOr = false;
    boolean pendingNot = false;
    int i = 0;
    int terms = 0;
    int expanding = 0;
    int fuzzy = 0;
    while (i < q.length()) {
      char c = q.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      boolean excluded = pendingNot;
      pendingNot = false;
      int start = i;
      if ((c == '-' || c == '+') && i + 1 < q.length() && !Character.isWhitespace(q.charAt(i + 1))) {
        excluded |= c == '-';
        i++;
      }
      Target target = Target.ANY;
      int colon = fieldEnd(q, i);
      if (colon > 0) {
        target = FIELDS.get(q.substring(i, colon).toLowerCase(Locale.ROOT));
        i = colon + 1;
      }
      Term term;
      if (i < q.length() && q.charAt(i) == '"') {
        int close = q.indexOf('"', i + 1);
        int end = close < 0 ? q.length() : close;
        term = new Term(target, Kind.PHRASE, q.substring(i + 1, end).strip(), -1);
        i = close < 0 ? q.length() : close + 1;
      } else {
        int end = i;
        while (end < q.length() && !Character.isWhitespace(q.charAt(end)) && q.charAt(end) != '"') {
          end++;
        }
        String word = q.substring(i, end);
        i = end;
        if (target == Target.ANY && start == i - word.length()) {
          if (word.equals("OR")) {
            pendingOr = !groups.isEmpty();
            continue;
          }
          if (word.equals("AND")) {
            continue;
          }
          if (word.equals("NOT")) {
            pendingNot = true;
            continue;
          }
        }
        term = word(target, word);
      }
      if (term == null || term.text().isBlank() || !hasSearchable(term.text())) {
        pendingOr = false;
        continue;
      }
      if (++terms > MAX_TERMS) {
        throw new InvalidQueryException(
            "the query has too many terms (more than " + MAX_TERMS + "): shorten it");
      }
      if (term.kind() == Kind.FUZZY || term.kind() == Kind.WILDCARD || term.kind() == Kind.PREFIX) {
        if (++expanding > MAX_EXPANDING_TERMS) {
          throw new InvalidQueryException("the query has more than " + MAX_EXPANDING_TERMS
              + " fuzzy (~), wildcard (* ?) or prefix terms: use fewer");
        }
        if (term.kind() == Kind.FUZZY && term.text().length() > MAX_FUZZY_LENGTH) {
          throw new InvalidQueryException("fuzzy search (~) takes words of up to " + MAX_FUZZY_LENGTH
              + " characters; '" + abbreviate(term.text()) + "' has " + term.text().length());
        }
        if (term.kind() == Kind.FUZZY && ++fuzzy > MAX_FUZZY_TERMS) {
          throw new InvalidQueryException("the query has more than " + MAX_FUZZY_TERMS + " fuzzy (~) terms: use fewer");
        }
        long wildcards = term.text().chars().filter(ch -> ch == '*' || ch == '?').count();
        if (wildcards > MAX_WILDCARDS) {
          throw new InvalidQueryException("'" + abbreviate(term.text()) + "' has " + wildcards
              + " wildcards (* or ?); at most " + MAX_WILDCARDS + " in one word");
        }
      }
      if (pendingOr && !excluded && !groups.getLast().excluded()) {
        Group last = groups.removeLast();
        List<Term> any = new ArrayList<>(last.anyOf());
        any.add(term);
        groups.add(new Group(any, false));
      } else {
        groups.add(new Group(List.of(term), excluded));
      }
      pendingOr = false;
    }
    if (groups.isEmpty()) {
      throw new InvalidQueryException(
          "nothing to search for in '" + abbreviate(query) + "': type a word or a \"phrase\"");
    }
    if (groups.stream().allMatch(Group::excluded)) {
      throw new InvalidQueryException(
          "the query only excludes words: add a word to search for, e.g. 'neuron -dopamine'");
    }
    return new ParsedQuery(groups);
  }

  /** The end of a {@code field:} prefix at {@code i} naming a known field, or -1. */
  private static int fieldEnd(String q, int i) {
    int j = i;
    while (j < q.length() && Character.isLetter(q.charAt(j))) {
      j++;
    }
    if (j > i && j < q.length() && q.charAt(j) == ':' && j + 1 < q.length()
        && !Character.isWhitespace(q.charAt(j + 1))
        && FIELDS.containsKey(q.substring(i, j).toLowerCase(Locale.ROOT))) {
      return j;
    }
    return -1;
  }

  private static Term word(Target target, String word) {
    int tilde = word.lastIndexOf('~');
    if (tilde > 0) {
      String rest = word.substring(tilde + 1);
      int edits = -1;
      if (rest.equals("1") || rest.equals("2")) {
        edits = Integer.parseInt(rest);
      } else if (!rest.isEmpty()) {
        return new Term(target, Kind.WORD, word, -1); // "a~b": not fuzzy syntax, just text
      }
      String stem = word.substring(0, tilde).replace("*", "").replace("?", "");
      return new Term(target, Kind.FUZZY, stem, edits);
    }
    if (word.indexOf('*') >= 0 || word.indexOf('?') >= 0) {
      String bare = word.replace("*", "").replace("?", "");
      if (!hasSearchable(bare)) {
        return null; // "*" or "??" alone would match everything
      }
      int star = word.indexOf('*');
      if (star == word.length() - 1 && word.indexOf('?') < 0) {
        return new Term(target, Kind.PREFIX, word.substring(0, star), -1);
      }
      return new Term(target, Kind.WILDCARD, word, -1);
    }
    return new Term(target, Kind.WORD, word, -1);
  }

  /** Whether text holds at least one letter or digit (the analyzers drop everything else). */
  static boolean hasSearchable(String text) {
    return text.codePoints().anyMatch(Character::isLetterOrDigit);
  }

  private static String cleanControls(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints()
        .forEach(cp -> b.appendCodePoint(Character.isISOControl(cp) || cp == 0xFFFD ? ' ' : cp));
    return b.toString();
  }

  static String abbreviate(String s) {
    String t = cleanControls(s).strip();
    return t.length() <= 60 ? t : t.substring(0, 57) + "...";
  }
}
