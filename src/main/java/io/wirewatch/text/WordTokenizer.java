package io.wirewatch.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into words: maximal runs of letters and digits. Punctuation, apostrophes and hyphens
 * separate words, so "face-recognition" and "face recognition" give the same words.
 */
public final class WordTokenizer {

  private static final boolean[] ASCII_WORD_CHARS = new boolean[128];

  static {
    for (char c = 0; c < ASCII_WORD_CHARS.length; c++) {
      ASCII_WORD_CHARS[c] = Character.isLetterOrDigit(c);
    }
  }

  private WordTokenizer() {}

  /** The words of {@code text} in order, case kept. */
  public static List<String> words(String text) {
    List<String> words = new ArrayList<>(text.length() / 5 + 1);
    forEachWord(text, (start, end) -> words.add(text.substring(start, end)));
    return words;
  }

  /** Calls {@code consumer} with the bounds of every word, in order. */
  public static void forEachWord(CharSequence text, WordConsumer consumer) {
    int start = -1;
    for (int i = 0; i < text.length(); i++) {
      if (isWordChar(text.charAt(i))) {
        if (start < 0) {
          start = i;
        }
      } else if (start >= 0) {
        consumer.accept(start, i);
        start = -1;
      }
    }
    if (start >= 0) {
      consumer.accept(start, text.length());
    }
  }

  /** Receives the bounds {@code [start, end)} of one word. */
  @FunctionalInterface
  public interface WordConsumer {
    void accept(int start, int end);
  }

  /** True for a character that belongs to a word: a letter, a digit or half a surrogate pair. */
  public static boolean isWordChar(char c) {
    if (c < ASCII_WORD_CHARS.length) {
      // a table for ASCII, which is nearly all of the text: Character's lookup is several steps
      return ASCII_WORD_CHARS[c];
    }
    // surrogate halves count as word characters so that letters outside the BMP stay whole
    return Character.isLetterOrDigit(c) || Character.isSurrogate(c);
  }
}
