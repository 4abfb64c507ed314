package dev.cuepoint.captions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;

/** Skips the byte order mark that Windows editors put at the start of UTF-8 text. */
final class Bom {
  static final char BOM = '\ufeff';

  private Bom() {}

  /** The same text without a leading BOM; reads at most one character ahead. */
  static Reader skip(Reader in) throws IOException {
    BufferedReader buffered = in instanceof BufferedReader b ? b : new BufferedReader(in);
    buffered.mark(1);
    if (buffered.read() != BOM) {
      buffered.reset();
    }
    return buffered;
  }

  static String strip(String s) {
    return !s.isEmpty() && s.charAt(0) == BOM ? s.substring(1) : s;
  }
}
