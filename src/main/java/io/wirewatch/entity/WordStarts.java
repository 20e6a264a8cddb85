package io.wirewatch.entity;

import java.util.Arrays;

/**
 * Where words start in one text, filed by their first char: the places a name can recur. The linker
 * looks for each of a text's twenty to forty names and short forms everywhere in it; one search of
 * the whole text per form took a tenth of the tagger's time, while a form that starts with a letter
 * or digit can only be at a word start with that char, of which a 4 KB text has a few dozen at
 * most.
 */
final class WordStarts {

  private static final int[] NONE = {};

  private final String text;
  private final int[][] byChar = new int[128][];

  WordStarts(String text) {
    this.text = text;
    int[] found = new int[text.length()];
    int n = 0;
    int[] counts = new int[128];
    boolean afterBoundary = true;
    for (int p = 0; p < text.length(); p++) {
      char c = text.charAt(p);
      boolean boundary = isBoundaryChar(c);
      if (!boundary && afterBoundary && c < 128) {
        found[n++] = p;
        counts[c]++;
      }
      afterBoundary = boundary;
    }
    for (int c = 0; c < 128; c++) {
      byChar[c] = counts[c] == 0 ? NONE : new int[counts[c]];
      counts[c] = 0;
    }
    for (int i = 0; i < n; i++) {
      char c = text.charAt(found[i]);
      byChar[c][counts[c]++] = found[i];
    }
  }

  /** {@link KnowledgeBase#isBoundary} for one char, ASCII answered without a table look-up. */
  private static boolean isBoundaryChar(char c) {
    if (c < 128) {
      return !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')
          && c != '_'
          && c != '@';
    }
    return !Character.isLetterOrDigit(c);
  }

  /**
   * The first offset at or after from where form occurs with a word boundary before it, or -1: the
   * same offsets, in the same order, as {@code text.indexOf(form, from)} filtered by that test.
   */
  int next(String form, int from) {
    char first = form.charAt(0);
    if (first >= 128 || isBoundaryChar(first)) {
      return nextByScan(form, from); // a form starting with a boundary char is not filed
    }
    int[] starts = byChar[first];
    int i = Arrays.binarySearch(starts, from);
    for (i = i >= 0 ? i : -i - 1; i < starts.length; i++) {
      if (text.startsWith(form, starts[i])) {
        return starts[i];
      }
    }
    return -1;
  }

  private int nextByScan(String form, int from) {
    for (int at = text.indexOf(form, from); at >= 0; at = text.indexOf(form, at + 1)) {
      if (KnowledgeBase.isBoundary(text, at - 1)) {
        return at;
      }
    }
    return -1;
  }
}
