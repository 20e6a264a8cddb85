package io.wirewatch.entity;

import java.util.Arrays;

/**
 * Where words start in one text, filed by their first char: the places a name can recur. The linker
 * looks for each of a text's twenty to forty names and short forms everywhere in it; one search of
 * the whole text per form took a tenth of the tagger's time, while a form that starts with a letter
 * or digit can only be at a word start with that char, of which a 4 KB text has a few dozen at
 * most. A char's word starts are found the first time a form asks for them.
 */
final class WordStarts {

  private final String text;
  private final int[][] byChar = new int[128][];

  WordStarts(String text) {
    this.text = text;
  }

  /**
   * The first offset at or after from where form occurs with a word boundary before it, or -1: the
   * same offsets, in the same order, as {@code text.indexOf(form, from)} filtered by that test.
   */
  int next(String form, int from) {
    char first = form.charAt(0);
    if (first >= 128 || KnowledgeBase.isBoundary(form, 0)) {
      return nextByScan(form, from); // a form starting with a boundary char is not filed
    }
    int[] starts = startsOf(first);
    int i = Arrays.binarySearch(starts, from);
    for (i = i >= 0 ? i : -i - 1; i < starts.length; i++) {
      if (text.startsWith(form, starts[i])) {
        return starts[i];
      }
    }
    return -1;
  }

  private int[] startsOf(char c) {
    int[] starts = byChar[c];
    if (starts == null) {
      starts = new int[8];
      int n = 0;
      for (int p = text.indexOf(c); p >= 0; p = text.indexOf(c, p + 1)) {
        if (KnowledgeBase.isBoundary(text, p - 1)) {
          if (n == starts.length) {
            starts = Arrays.copyOf(starts, n * 2);
          }
          starts[n++] = p;
        }
      }
      starts = Arrays.copyOf(starts, n);
      byChar[c] = starts;
    }
    return starts;
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
