package io.wirewatch.entity;

import java.util.Arrays;

/**
 * Where the words of a list cue ("such as", "including", "like") occur in one text, found once per
 * text. Asking whether one occurs inside a window then costs a binary search instead of a search of
 * the window's text for each candidate name.
 */
final class CueWords {

  private static final String[] WORDS = {"such as", "including", "like"};

  private final int[] starts;
  private final int[] ends;

  CueWords(String text) {
    int[] s = new int[8];
    int[] e = new int[8];
    int n = 0;
    for (String word : WORDS) {
      for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
        if (n == s.length) {
          s = Arrays.copyOf(s, n * 2);
          e = Arrays.copyOf(e, n * 2);
        }
        s[n] = at;
        e[n++] = at + word.length();
      }
    }
    // sorted by start, each end moved with its start
    long[] packed = new long[n];
    for (int i = 0; i < n; i++) {
      packed[i] = (long) s[i] << 32 | e[i];
    }
    Arrays.sort(packed);
    starts = new int[n];
    ends = new int[n];
    for (int i = 0; i < n; i++) {
      starts[i] = (int) (packed[i] >>> 32);
      ends[i] = (int) packed[i];
    }
  }

  /** Whether one of the words lies wholly inside [from, to): what window.contains(word) says. */
  boolean anyWithin(int from, int to) {
    int i = Arrays.binarySearch(starts, from);
    if (i < 0) {
      i = -i - 1;
    } else {
      while (i > 0 && starts[i - 1] == from) {
        i--; // binarySearch finds any of equal starts
      }
    }
    for (; i < starts.length && starts[i] < to; i++) {
      if (ends[i] <= to) {
        return true;
      }
    }
    return false;
  }
}
