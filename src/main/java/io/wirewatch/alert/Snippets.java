package io.wirewatch.alert;

import java.util.List;

/** A short excerpt around the first match, with every match in it marked «like this». */
public final class Snippets {

  private static final int CONTEXT = 90;

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
    while (i > 0 && !Character.isWhitespace(text.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  private static int wordEnd(String text, int i) {
    while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }
}
