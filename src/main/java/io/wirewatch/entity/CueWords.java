package io.wirewatch.entity;

import java.util.Arrays;

/**
 * Where the words of a list cue ("such as", "including", "like") occur between whitespace in one
 * text, found once per text and only if asked. Asking whether one occurs inside a window then costs
 * a binary search instead of a search of the window's text for each candidate name, and "likely"
 * sends no name through the cue pattern.
 */
final class CueWords {

  private static final String[] WORDS = {"such as", "including", "like"};

  private final String text;
  private int[] starts;
  private int[] ends;

  CueWords(String text) {
    this.text = text;
  }

  /** Whitespace as {@code \s} reads it in java.util.regex. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  // Found on the first question: most texts have no name that needs the cue test.
  private void find() {
    int[] s = new int[8];
    int[] e = new int[8];
    int n = 0;
    for (String word : WORDS) {
      for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
        int end = at + word.length();
        // the cue pattern has whitespace on both sides of the word: "likely" or "unlike" never
        // match, so they need not send a name through the pattern
        if (at == 0
            || !isSpace(text.charAt(at - 1))
            || end >= text.length()
            || !isSpace(text.charAt(end))) {
          continue;
        }
        if (n == s.length) {
          s = Arrays.copyOf(s, n * 2);
          e = Arrays.copyOf(e, n * 2);
        }
        s[n] = at - 1;
        e[n++] = end + 1;
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

  /**
   * Whether one of the words lies wholly inside [from, to) with a whitespace char on either side,
   * also inside: false means that the cue pattern cannot match in text[from, to).
   */
  boolean anyWithin(int from, int to) {
    if (starts == null) {
      find();
    }
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
