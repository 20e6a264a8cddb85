package io.wirewatch.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The scanners and fast paths that replaced regexes and normaliser passes change no output. */
class TextNormalizerEquivalenceTest {

  private static final Pattern CHARACTER_REFERENCE =
      Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
  private static final Map<String, String> NAMED =
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

  /** The former decoder, verbatim. */
  private static String decodeWithRegex(String s) {
    if (s.indexOf('&') < 0) {
      return s;
    }
    Matcher m = CHARACTER_REFERENCE.matcher(s);
    StringBuilder out = new StringBuilder(s.length());
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(decode(m.group(1), m.group())));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String decode(String body, String original) {
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
    return NAMED.getOrDefault(body.toLowerCase(Locale.ROOT), original);
  }

  private static final String[] PIECES = {
    "&",
    "#",
    "x",
    "X",
    ";",
    "amp",
    "lt",
    "AMP",
    "nbsp",
    "hellip",
    "abcdefghi",
    "q",
    "1",
    "12",
    "1234567",
    "12345678",
    "fFfF",
    "10FFFF",
    "110000",
    "0",
    " ",
    "\n",
    "`",
    "\u2019",
    "\u00e9",
    "\uFB01",
    "\u00A0",
    "word",
    "Said",
    "<",
    "\u2014",
    "\u00AD",
    "&&",
    "&#",
    "&#x",
    "&#3;",
    "&#96;",
    "&#x7F;",
    "&#0;",
    "&#128;"
  };

  @Test
  void shouldDecodeReferencesAsTheRegexDid() {
    Random random = new Random(1);
    for (int n = 0; n < 200_000; n++) {
      StringBuilder s = new StringBuilder();
      for (int k = random.nextInt(12); k >= 0; k--) {
        s.append(PIECES[random.nextInt(PIECES.length)]);
      }
      String text = s.toString().replace("<", "");
      assertEquals(decodeWithRegex(text), TextNormalizer.stripMarkup(text), text);
      String folded = formerFold(Normalizer.normalize(decodeWithRegex(text), Normalizer.Form.NFKC));
      assertEquals(folded, TextNormalizer.foldKeepingCase(text), text);
    }
  }

  @Test
  void shouldFoldPlainAsciiIntoCharsAsFoldKeepingCaseDoes() {
    Random random = new Random(2);
    int fastPath = 0;
    for (int n = 0; n < 200_000; n++) {
      StringBuilder s = new StringBuilder();
      for (int k = random.nextInt(12); k >= 0; k--) {
        s.append(PIECES[random.nextInt(PIECES.length)]);
      }
      String text = s.toString();
      char[] out = new char[text.length()];
      int length = TextNormalizer.foldPlainAsciiInto(text, out);
      if (length >= 0) {
        fastPath++;
        assertEquals(TextNormalizer.foldKeepingCase(text), new String(out, 0, length), text);
      }
    }
    // the fast path is taken often enough to be tested
    assertTrue(fastPath > 20_000, "fast path taken " + fastPath + " times");
    char[] out = new char[64];
    int length = TextNormalizer.foldPlainAsciiInto("&lt;ABC&gt; &amp;lt; &QUOT; &x &#", out);
    assertEquals(-1, length);
    length = TextNormalizer.foldPlainAsciiInto("&lt;ABC&gt; &amp;lt; &quot; &x &#", out);
    assertEquals("<ABC> &lt; \" &x &#", new String(out, 0, length));
  }

  /** The former fold without space collapsing, verbatim. */
  private static String formerFold(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '`', '\u00B4' -> out.append('\'');
        case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB' ->
            out.append('"');
        case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' ->
            out.append('-');
        case '\u00AD', '\u200B', '\u200C', '\u200D', '\uFEFF' -> {}
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
