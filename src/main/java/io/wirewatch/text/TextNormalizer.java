package io.wirewatch.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Folds the surface differences that sites add to one text: markup, character references, Unicode
 * compatibility forms, curly quotes, dash variants and whitespace. Output is lower case.
 */
public final class TextNormalizer {

  private static final Pattern TAG = Pattern.compile("<[^<>]{0,2000}>");
  private static final Pattern SCRIPT_OR_STYLE =
      Pattern.compile("(?is)<(script|style)\\b[^>]{0,2000}>.{0,200000}?</\\1\\s*>");
  private static final Pattern CHARACTER_REFERENCE =
      Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
  private static final Map<String, String> NAMED_REFERENCES =
      Map.ofEntries(
          Map.entry("amp", "&"),
          Map.entry("lt", "<"),
          Map.entry("gt", ">"),
          Map.entry("quot", "\""),
          Map.entry("apos", "'"),
          Map.entry("nbsp", " "),
          Map.entry("mdash", "-"),
          Map.entry("ndash", "-"),
          Map.entry("lsquo", "'"),
          Map.entry("rsquo", "'"),
          Map.entry("ldquo", "\""),
          Map.entry("rdquo", "\""),
          Map.entry("hellip", "..."));

  private TextNormalizer() {}

  /** Markup removed and character references decoded, case and line breaks kept. */
  public static String stripMarkup(String text) {
    if (text.indexOf('<') < 0) {
      return decodeReferences(text);
    }
    String noScripts = SCRIPT_OR_STYLE.matcher(text).replaceAll(" ");
    String noTags = TAG.matcher(noScripts).replaceAll(" ");
    return decodeReferences(noTags);
  }

  /** The comparison form: markup stripped, NFKC, quotes and dashes folded, spaces collapsed. */
  public static String normalize(String text) {
    String s = Normalizer.normalize(stripMarkup(text), Normalizer.Form.NFKC);
    return fold(s, true).trim().toLowerCase(Locale.ROOT);
  }

  /**
   * Markup stripped, NFKC, quotes and dashes folded, but case and line breaks kept: the form for
   * steps that need capitals or lines. Its words, lower-cased, are the words of {@link #normalize}.
   */
  public static String foldKeepingCase(String text) {
    return fold(Normalizer.normalize(stripMarkup(text), Normalizer.Form.NFKC), false);
  }

  /** Typographic quotes to ASCII quotes, every dash and hyphen variant to '-'. */
  public static String foldPunctuation(String s) {
    return fold(s, false);
  }

  // one pass instead of a regex per step: normalisation runs on every article and every line
  private static String fold(String s, boolean collapseSpaces) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (collapseSpaces && isSpace(c)) {
        if (out.isEmpty() || out.charAt(out.length() - 1) != ' ') {
          out.append(' ');
        }
        continue;
      }
      switch (c) {
        case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '`', '\u00B4' -> out.append('\'');
        case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB' ->
            out.append('"');
        case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' ->
            out.append('-');
        case '\u00AD', '\u200B', '\u200C', '\u200D', '\uFEFF' -> {
          // soft hyphen and zero-width characters carry no text
        }
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** ASCII white space, as the regex class {@code \s} has it, and the no-break space. */
  private static boolean isSpace(char c) {
    return c == ' '
        || c == '\t'
        || c == '\n'
        || c == '\u000B'
        || c == '\f'
        || c == '\r'
        || c == '\u00A0';
  }

  private static String decodeReferences(String s) {
    if (s.indexOf('&') < 0) {
      return s;
    }
    Matcher m = CHARACTER_REFERENCE.matcher(s);
    StringBuilder out = new StringBuilder(s.length());
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(decodeReference(m.group(1), m.group())));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String decodeReference(String body, String original) {
    try {
      if (body.startsWith("#x") || body.startsWith("#X")) {
        return Character.toString(Integer.parseInt(body.substring(2), 16));
      }
      if (body.startsWith("#")) {
        return Character.toString(Integer.parseInt(body.substring(1)));
      }
    } catch (IllegalArgumentException notACodePoint) {
      return original;
    }
    return NAMED_REFERENCES.getOrDefault(body.toLowerCase(Locale.ROOT), original);
  }
}
