package io.wirewatch.entity;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Finds the token at a character offset and the words around it. */
final class TokenIndex {

  private final List<Token> tokens;
  private final int[] starts;

  TokenIndex(List<Token> tokens) {
    this.tokens = tokens;
    this.starts = new int[tokens.size()];
    for (int i = 0; i < starts.length; i++) {
      starts[i] = tokens.get(i).start();
    }
  }

  /** The index of the token starting at offset, or -1. */
  int at(int offset) {
    int i = Arrays.binarySearch(starts, offset);
    return i >= 0 ? i : -1;
  }

  /** The index of the first token starting at or after offset. */
  int from(int offset) {
    int i = Arrays.binarySearch(starts, offset);
    return i >= 0 ? i : -i - 1;
  }

  Set<String> words(int from, int to) {
    Set<String> words = new HashSet<>();
    for (int i = Math.max(0, from); i < Math.min(tokens.size(), to); i++) {
      words.add(tokens.get(i).text().toLowerCase(Locale.ROOT));
    }
    return words;
  }
}
