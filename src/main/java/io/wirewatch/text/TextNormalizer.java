package io.wirewatch.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Folds the surface differences that sites add to one text: markup, character references, Unicode
 * compatibility forms, curly quotes, dash variants and whitespace. Output is lower case.
 */
public final class TextNormalizer {

  private static final Pattern TAG = Pattern.compile("<[^<>]{0,2000}>");
  private static final Pattern SCRIPT_OR_STYLE =
      Pattern.compile("(?is)<(script|style)\\b[^>]{0,2000}>.{0,200000}?</\\1\\s*>");
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
    String s = nfkc(stripMarkup(text));
    return fold(s, true).trim().toLowerCase(Locale.ROOT);
  }

  /**
   * Markup stripped, NFKC, quotes and dashes folded, but case and line breaks kept: the form for
   * steps that need capitals or lines. Its words, lower-cased, are the words of {@link #normalize}.
   */
  public static String foldKeepingCase(String text) {
    if (isAlreadyFolded(text)) {
      return text;
    }
    String stripped = stripMarkup(text);
    // wire copy with "&lt;" in it is usually ASCII once decoded: one scan instead of NFKC's and
    // the fold's
    if (isAsciiWithoutBackquote(stripped)) {
      return stripped;
    }
    return fold(nfkc(stripped), false);
  }

  /**
   * {@link #foldKeepingCase} of {@code text} written into {@code out} (at least as long as the
   * text), when the text is ASCII without markup or backquotes and its only character references
   * are {@code &lt;}, {@code &gt;}, {@code &amp;}, {@code &quot;} and numeric ones for ASCII chars
   * (but NUL and the backquote): the chars written, else -1 and {@code out} holds nothing useful.
   * Such text is most wire copy; the fingerprinter reads it from a char buffer, and decoding
   * straight into one saves the String form's copies and its scans char by char.
   */
  public static int foldPlainAsciiInto(String text, char[] out) {
    int written = foldPlainInto(text, out);
    return written >= 0 && isAscii(out, written) ? written : -1;
  }

  /**
   * {@link #foldPlainAsciiInto} without its test that the text is ASCII, for a caller that reads
   * the chars written anyway and can test them on the way: the chars written, which are {@link
   * #foldKeepingCase} of the text when they are all ASCII (a reference decodes to an ASCII char, so
   * they are exactly when the text is), else -1 for markup or a backquote.
   */
  public static int foldPlainInto(String text, char[] out) {
    // the String's own scans are vectorised: a loop over the chars testing each cost twice as
    // much as the String form's five scans
    if (text.indexOf('<') >= 0 || text.indexOf('`') >= 0) {
      return -1;
    }
    int length = text.length();
    text.getChars(0, length, out, 0);
    // each reference's char in place of the reference, the text between moved down to meet it
    int written = 0;
    int read = 0;
    for (int amp = text.indexOf('&'); amp >= 0; amp = text.indexOf('&', amp + 1)) {
      int end = referenceEnd(text, amp);
      if (end < 0) {
        continue;
      }
      char c = commonReference(text, amp, end);
      if (c == 0) {
        c = asciiNumericReference(text, amp, end);
      }
      if (c == 0 || c == '`') {
        return -1;
      }
      System.arraycopy(out, read, out, written, amp - read);
      written += amp - read;
      out[written++] = c;
      read = end + 1;
      amp = end;
    }
    System.arraycopy(out, read, out, written, length - read);
    return written + length - read;
  }

  private static boolean isAscii(char[] chars, int length) {
    int all = 0;
    for (int i = 0; i < length; i++) {
      all |= chars[i];
    }
    return all < 0x80;
  }

  /** NFKC, skipped for ASCII, which it leaves as it is: the normaliser is costly even then. */
  private static String nfkc(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC);
      }
    }
    return s;
  }

  /**
   * True for plain ASCII without markup, references or backquotes: NFKC leaves ASCII as it is and
   * the fold changes only the backquote, so such text (most wire copy) is its own folded form and
   * one scan replaces a normaliser pass and a copy.
   */
  private static boolean isAlreadyFolded(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x80 || c == '<' || c == '&' || c == '`') {
        return false;
      }
    }
    return true;
  }

  /** True when NFKC and the fold leave {@code s} as it is: ASCII, and no backquote to fold. */
  private static boolean isAsciiWithoutBackquote(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x80 || c == '`') {
        return false;
      }
    }
    return true;
  }

  /** Typographic quotes to ASCII quotes, every dash and hyphen variant to '-'. */
  public static String foldPunctuation(String s) {
    return fold(s, false);
  }

  // one pass instead of a regex per step: normalisation runs on every article and every line
  private static String fold(String s, boolean collapseSpaces) {
    if (!collapseSpaces && !needsFold(s)) {
      return s;
    }
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

  /** True when {@link #fold} without space collapsing would change {@code s}. */
  private static boolean needsFold(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '`' || c >= 0xAB && isFolded(c)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isFolded(char c) {
    return switch (c) {
      case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u00B4' -> true;
      case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB' -> true;
      case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> true;
      case '\u00AD', '\u200B', '\u200C', '\u200D', '\uFEFF' -> true;
      default -> false;
    };
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

  // A scanner for the regex &(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8}); (kept as the
  // reference in TextNormalizerEquivalenceTest): the regex matcher cost more than the rest of
  // fingerprinting on wire copy, where "&lt;" is common.
  private static String decodeReferences(String s) {
    int amp = s.indexOf('&');
    if (amp < 0) {
      return s;
    }
    StringBuilder out = null;
    int copied = 0;
    for (; amp >= 0; amp = s.indexOf('&', amp + 1)) {
      int end = referenceEnd(s, amp);
      if (end < 0) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(s.length());
      }
      out.append(s, copied, amp);
      char common = commonReference(s, amp, end);
      if (common != 0) {
        out.append(common);
      } else {
        out.append(decodeReference(s.substring(amp + 1, end), s.substring(amp, end + 1)));
      }
      copied = end + 1;
      amp = end;
    }
    if (out == null) {
      return s;
    }
    return out.append(s, copied, s.length()).toString();
  }

  /**
   * Where the ';' of a character reference starting at {@code amp} is, or -1: {@code &#} and 1 to 7
   * digits, {@code &#x} and 1 to 6 hex digits, or {@code &} and 2 to 8 ASCII letters.
   */
  private static int referenceEnd(String s, int amp) {
    int i = amp + 1;
    if (i < s.length() && s.charAt(i) == '#') {
      i++;
      if (i < s.length() && (s.charAt(i) == 'x' || s.charAt(i) == 'X')) {
        return runThenSemicolon(s, i + 1, 1, 6, true);
      }
      return runThenSemicolon(s, i, 1, 7, false);
    }
    int start = i;
    while (i < s.length() && i - start <= 8 && isAsciiLetter(s.charAt(i))) {
      i++;
    }
    int n = i - start;
    return n >= 2 && n <= 8 && i < s.length() && s.charAt(i) == ';' ? i : -1;
  }

  private static int runThenSemicolon(String s, int start, int min, int max, boolean hex) {
    int i = start;
    while (i < s.length() && i - start <= max && isDigit(s.charAt(i), hex)) {
      i++;
    }
    int n = i - start;
    return n >= min && n <= max && i < s.length() && s.charAt(i) == ';' ? i : -1;
  }

  private static boolean isDigit(char c, boolean hex) {
    return c >= '0' && c <= '9' || hex && (c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F');
  }

  private static boolean isAsciiLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  /**
   * The char of {@code &lt;}, {@code &gt;}, {@code &amp;} or {@code &quot;} spelled in lower case
   * at {@code amp} (with its ';' at {@code end}), else 0: wire copy is full of them, and decoding
   * them without two substrings, a lower-casing and a map lookup each.
   */
  private static char commonReference(String s, int amp, int end) {
    return switch (end - amp) {
      case 3 -> s.startsWith("lt", amp + 1) ? '<' : s.startsWith("gt", amp + 1) ? '>' : 0;
      case 4 -> s.startsWith("amp", amp + 1) ? '&' : 0;
      case 5 -> s.startsWith("quot", amp + 1) ? '"' : 0;
      default -> 0;
    };
  }

  /**
   * The char of a numeric reference at {@code amp} (its ';' at {@code end}) that stands for an
   * ASCII char other than NUL, else 0: Reuters copy ends every story in {@code &#3;}.
   */
  private static char asciiNumericReference(String s, int amp, int end) {
    if (s.charAt(amp + 1) != '#') {
      return 0;
    }
    boolean hex = s.charAt(amp + 2) == 'x' || s.charAt(amp + 2) == 'X';
    int value = 0;
    for (int i = amp + (hex ? 3 : 2); i < end; i++) {
      value = value * (hex ? 16 : 10) + Character.digit(s.charAt(i), hex ? 16 : 10);
      if (value >= 0x80) {
        return 0;
      }
    }
    return (char) value;
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
