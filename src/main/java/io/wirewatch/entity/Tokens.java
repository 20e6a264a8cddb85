package io.wirewatch.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a text into words and marks where capitals are only typography (sentence starts,
 * headlines).
 */
final class Tokens {

  private static final Pattern WORD =
      Pattern.compile("[\\p{L}\\p{N}]+(?:[-&'’.][\\p{L}\\p{N}]+)*\\.?");

  private Tokens() {}

  static List<Token> of(String text) {
    List<Token> tokens = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      int start = m.start();
      int end = trimEnd(text, start, m.end());
      if (end > start) {
        tokens.add(new Token(text.substring(start, end), start, end, false, false));
      }
    }
    return markWeak(text, tokens);
  }

  // A trailing period belongs to initials and abbreviations ("U.S.", "J.", "Inc.") but not to a
  // sentence end.
  private static int trimEnd(String text, int start, int end) {
    if (text.charAt(end - 1) == '.') {
      String word = text.substring(start, end - 1);
      boolean initial = word.length() == 1 && Character.isUpperCase(word.charAt(0));
      if (!word.contains(".") && !initial && !isShortTitle(word)) {
        end--;
      }
    }
    String word = text.substring(start, end);
    if (word.endsWith("'s") || word.endsWith("’s")) {
      end -= 2;
    }
    return end;
  }

  private static boolean isShortTitle(String word) {
    return switch (word) {
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

  private static List<Token> markWeak(String text, List<Token> tokens) {
    List<Token> marked = new ArrayList<>(tokens.size());
    int lineStart = 0;
    int i = 0;
    while (i < tokens.size()) {
      int lineEnd = text.indexOf('\n', tokens.get(i).start());
      lineEnd = lineEnd < 0 ? text.length() : lineEnd;
      int j = i;
      while (j < tokens.size() && tokens.get(j).start() < lineEnd) {
        j++;
      }
      boolean titleCase = isTitleCase(tokens.subList(i, j));
      for (int k = i; k < j; k++) {
        Token t = tokens.get(k);
        boolean weak =
            titleCase
                || startsSentence(text, k == i ? lineStart : tokens.get(k - 1).end(), t, k == i);
        marked.add(new Token(t.text(), t.start(), t.end(), weak, titleCase));
      }
      lineStart = lineEnd;
      i = j;
    }
    return marked;
  }

  private static boolean startsSentence(String text, int from, Token t, boolean firstOnLine) {
    for (int p = t.start() - 1; p >= from; p--) {
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
  private static boolean isTitleCase(List<Token> line) {
    int content = 0;
    int capitalised = 0;
    for (Token t : line) {
      if (t.text().length() > 3) {
        content++;
        capitalised += t.capitalised() ? 1 : 0;
      }
    }
    return content >= 3 && capitalised * 4 >= content * 3;
  }
}
