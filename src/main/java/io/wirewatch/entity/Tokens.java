package io.wirewatch.entity;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a text into words and marks where capitals are only typography (sentence starts,
 * headlines).
 *
 * <p>A word is what the pattern {@code [\p{L}\p{N}]+(?:[-&'’.][\p{L}\p{N}]+)*\.?} finds: letters
 * and digits, joined by single hyphens, ampersands, apostrophes or periods, with one trailing
 * period. The scan below does that by hand: the regex took a fifth of the tagger's time, and {@code
 * HandScansTest} holds the two equal.
 */
final class Tokens {

  private Tokens() {}

  static List<Token> of(String text) {
    List<int[]> spans = new ArrayList<>();
    int n = text.length();
    int pos = 0;
    while (true) {
      int start = nextWordChar(text, pos);
      if (start >= n) {
        break;
      }
      int end = runEnd(text, start);
      while (end + 1 < n && isJoiner(text.charAt(end)) && isWordChar(text, end + 1)) {
        end = runEnd(text, end + 1);
      }
      if (end < n && text.charAt(end) == '.') {
        end++;
      }
      pos = end;
      int trimmed = trimEnd(text, start, end);
      if (trimmed > start) {
        spans.add(new int[] {start, trimmed});
      }
    }
    return markWeak(text, spans);
  }

  private static boolean isJoiner(char c) {
    return c == '-' || c == '&' || c == '\'' || c == '’' || c == '.';
  }

  /** Where the next letter or digit starts, or text.length(). */
  private static int nextWordChar(String text, int from) {
    int i = from;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c < 128) {
        if (isAsciiWordChar(c)) {
          return i;
        }
        i++;
      } else if (isWordChar(text, i)) {
        return i;
      } else {
        i += Character.charCount(text.codePointAt(i));
      }
    }
    return i;
  }

  /** The end of the run of letters and digits starting at a letter or digit. */
  private static int runEnd(String text, int from) {
    int i = from;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c < 128) {
        if (!isAsciiWordChar(c)) {
          return i;
        }
        i++;
      } else if (isWordChar(text, i)) {
        i += Character.charCount(text.codePointAt(i));
      } else {
        return i;
      }
    }
    return i;
  }

  private static boolean isAsciiWordChar(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
  }

  /** \p{L} or \p{N}, by code point as the regex reads them; ASCII decided without a lookup. */
  private static boolean isWordChar(String text, int i) {
    char c = text.charAt(i);
    if (c < 128) {
      return isAsciiWordChar(c);
    }
    int cp = text.codePointAt(i);
    if (Character.isLetter(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.DECIMAL_DIGIT_NUMBER
        || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }

  // A trailing period belongs to initials and abbreviations ("U.S.", "J.", "Inc.") but not to a
  // sentence end.
  private static int trimEnd(String text, int start, int end) {
    if (text.charAt(end - 1) == '.') {
      int wordEnd = end - 1;
      int length = wordEnd - start;
      boolean initial = length == 1 && Character.isUpperCase(text.charAt(start));
      boolean dotted = text.lastIndexOf('.', wordEnd - 1) >= start;
      if (!dotted && !initial && !isShortTitle(text, start, wordEnd)) {
        end--;
      }
    }
    if (end - start >= 2
        && text.charAt(end - 1) == 's'
        && (text.charAt(end - 2) == '\'' || text.charAt(end - 2) == '’')) {
      end -= 2;
    }
    return end;
  }

  private static boolean isShortTitle(String text, int start, int end) {
    if (end - start > 4) {
      return false; // no title is longer: spares building the word for most tokens
    }
    return switch (text.substring(start, end)) {
      case "Mr",
              "Mrs",
              "Ms",
              "Dr",
              "Inc",
              "Corp",
              "Ltd",
              "Co",
              "Jr",
              "Sr",
              "St",
              "Sen",
              "Rep",
              "Gov",
              "Gen",
              "Rev",
              "Prof" ->
          true;
      default -> false;
    };
  }

  private static List<Token> markWeak(String text, List<int[]> spans) {
    List<Token> marked = new ArrayList<>(spans.size());
    int lineStart = 0;
    int i = 0;
    while (i < spans.size()) {
      int lineEnd = text.indexOf('\n', spans.get(i)[0]);
      lineEnd = lineEnd < 0 ? text.length() : lineEnd;
      int j = i;
      while (j < spans.size() && spans.get(j)[0] < lineEnd) {
        j++;
      }
      boolean titleCase = isTitleCase(text, spans, i, j);
      for (int k = i; k < j; k++) {
        int start = spans.get(k)[0];
        int end = spans.get(k)[1];
        boolean weak =
            titleCase
                || startsSentence(text, k == i ? lineStart : spans.get(k - 1)[1], start, k == i);
        marked.add(new Token(text.substring(start, end), start, end, weak, titleCase));
      }
      lineStart = lineEnd;
      i = j;
    }
    return marked;
  }

  private static boolean startsSentence(String text, int from, int start, boolean firstOnLine) {
    for (int p = start - 1; p >= from; p--) {
      char c = text.charAt(p);
      if (c == '.' || c == '!' || c == '?' || c == '\n' || c == ':') {
        return true;
      }
      if (Character.isLetterOrDigit(c) || c == ',' || c == ';') {
        return false;
      }
    }
    return firstOnLine;
  }

  // Headlines capitalise every content word: in them capitals carry no evidence of a name.
  private static boolean isTitleCase(String text, List<int[]> spans, int from, int to) {
    int content = 0;
    int capitalised = 0;
    for (int k = from; k < to; k++) {
      int start = spans.get(k)[0];
      if (spans.get(k)[1] - start > 3) {
        content++;
        capitalised += Character.isUpperCase(text.charAt(start)) ? 1 : 0;
      }
    }
    return content >= 3 && capitalised * 4 >= content * 3;
  }
}
