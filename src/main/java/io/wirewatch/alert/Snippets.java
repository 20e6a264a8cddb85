package io.wirewatch.alert;

import java.util.List;

/** A short excerpt around the first match, with every match in it marked «like this». */
public final class Snippets {

  private static final int CONTEXT = 90;
  // how far the excerpt may widen to reach a word boundary: text without spaces (Chinese, Japanese,
  // a long URL) has none, and widening to the next one took in the whole body
  private static final int MAX_WIDENING = 20;

  private Snippets() {}

  public static String around(String text, List<MatchSpan> spansInText) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    if (spansInText.isEmpty()) {
      return abbreviate(text, 0, Math.min(text.length(), 2 * CONTEXT));
    }
    MatchSpan first = spansInText.get(0);
    int from = wordStart(text, Math.max(0, first.start() - CONTEXT));
    int to = wordEnd(text, Math.min(text.length(), first.end() + CONTEXT));
    StringBuilder out = new StringBuilder();
    if (from > 0) {
      out.append("... ");
    }
    int at = from;
    for (MatchSpan s : spansInText) {
      if (s.start() < at || s.end() > to) {
        continue;
      }
      out.append(text, at, s.start())
          .append('\u00AB')
          .append(text, s.start(), s.end())
          .append('\u00BB');
      at = s.end();
    }
    out.append(text, at, to);
    if (to < text.length()) {
      out.append(" ...");
    }
    return out.toString().replaceAll("\\s+", " ").trim();
  }

  private static String abbreviate(String text, int from, int to) {
    return text.substring(from, wordEnd(text, to)).replaceAll("\\s+", " ").trim()
        + (to < text.length() ? " ..." : "");
  }

  private static int wordStart(String text, int i) {
    int limit = Math.max(0, i - MAX_WIDENING);
    int start = i;
    while (start > limit && !Character.isWhitespace(text.charAt(start - 1))) {
      start--;
    }
    if (start > limit || start == 0) {
      return start;
    }
    // cut between words' chars, but never inside a surrogate pair
    return Character.isLowSurrogate(text.charAt(i)) ? i - 1 : i;
  }

  private static int wordEnd(String text, int i) {
    int limit = Math.min(text.length(), i + MAX_WIDENING);
    int end = i;
    while (end < limit && !Character.isWhitespace(text.charAt(end))) {
      end++;
    }
    if (end < limit || end == text.length()) {
      return end;
    }
    return Character.isLowSurrogate(text.charAt(i)) ? i + 1 : i;
  }
}
