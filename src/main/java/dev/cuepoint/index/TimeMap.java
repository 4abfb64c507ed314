package dev.cuepoint.index;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Maps character offsets in an indexed text to the millisecond at which that text is spoken. Entries
 * are (offset, start ms) in increasing offset order: one per cue and one per timed word; the last
 * entry is a sentinel at the end of the text holding the last cue's end.
 *
 * <p>Stored in the index as variable-length deltas (a 20-minute lecture's map is a few kilobytes).
 */
public final class TimeMap {
  private final int[] offsets;
  private final long[] millis;

  TimeMap(int[] offsets, long[] millis) {
    if (offsets.length != millis.length) {
      throw new IllegalArgumentException(
          "offsets and millis differ in length: " + offsets.length + " vs " + millis.length);
    }
    this.offsets = offsets;
    this.millis = millis;
  }

  public int size() {
    return offsets.length;
  }

  /**
   * The time at which the text at {@code offset} is spoken: the start of the last entry at or before
   * it (so never later than the word), or 0 before the first entry.
   */
  public long timeAt(int offset) {
    int i = entryAt(offset);
    return i < 0 ? 0 : millis[i];
  }

  /** The time the unit holding {@code offset} ends: the start of the next entry. */
  public long endAt(int offset) {
    int i = entryAt(offset);
    int next = i + 1;
    while (next < offsets.length && millis[next] <= (i < 0 ? 0 : millis[i])) {
      next++;
    }
    return next < offsets.length ? millis[next] : (offsets.length == 0 ? 0 : millis[offsets.length - 1]);
  }

  /** The character offset where the unit (cue, word or chapter title) holding {@code offset} starts. */
  public int unitStart(int offset) {
    int i = entryAt(offset);
    return i < 0 ? 0 : offsets[i];
  }

  /** The offset where the unit after the one holding {@code offset} starts, or the text length. */
  public int nextUnitStart(int offset) {
    for (int k = Math.max(0, entryAt(offset) + 1); k < offsets.length; k++) {
      if (offsets[k] > offset) {
        return offsets[k];
      }
    }
    return offsets.length == 0 ? offset : offsets[offsets.length - 1];
  }

  private int entryAt(int offset) {
    int i = Arrays.binarySearch(offsets, offset);
    if (i < 0) {
      i = -i - 2; // insertion point - 1: the last entry before offset
    } else {
      while (i + 1 < offsets.length && offsets[i + 1] == offset) {
        i++; // a word entry at the same offset as its cue is more precise
      }
    }
    return i;
  }

  byte[] encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(offsets.length * 4 + 8);
    writeVLong(out, offsets.length);
    int lastOffset = 0;
    long lastMs = 0;
    for (int i = 0; i < offsets.length; i++) {
      writeVLong(out, offsets[i] - lastOffset);
      long delta = millis[i] - lastMs;
      writeVLong(out, (delta << 1) ^ (delta >> 63)); // zig-zag: cues may overlap and go back
      lastOffset = offsets[i];
      lastMs = millis[i];
    }
    return out.toByteArray();
  }

  /** Reads a map written by {@link #encode()}. */
  public static TimeMap decode(byte[] bytes, int from, int length) {
    int[] pos = {from};
    int n = (int) readVLong(bytes, pos);
    int[] offsets = new int[n];
    long[] millis = new long[n];
    int offset = 0;
    long ms = 0;
    for (int i = 0; i < n; i++) {
      offset += (int) readVLong(bytes, pos);
      long z = readVLong(bytes, pos);
      ms += (z >>> 1) ^ -(z & 1);
      offsets[i] = offset;
      millis[i] = ms;
    }
    if (pos[0] > from + length) {
      throw new IllegalStateException("time map overruns its stored bytes: re-index with --rebuild");
    }
    return new TimeMap(offsets, millis);
  }

  private static void writeVLong(ByteArrayOutputStream out, long v) {
    while ((v & ~0x7FL) != 0) {
      out.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
  }

  private static long readVLong(byte[] b, int[] pos) {
    long v = 0;
    int shift = 0;
    while (true) {
      byte x = b[pos[0]++];
      v |= (long) (x & 0x7F) << shift;
      if ((x & 0x80) == 0) {
        return v;
      }
      shift += 7;
    }
  }
}
