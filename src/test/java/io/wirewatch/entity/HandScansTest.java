package io.wirewatch.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The tagger's hand-written scans against the regular expressions they replaced, on random texts
 * drawn from the characters that decide them: letters and digits beyond ASCII, surrogate pairs,
 * joiners, periods, possessives, spaces, controls and line breaks.
 */
class HandScansTest {

  private static final Pattern WORD =
      Pattern.compile("[\\p{L}\\p{N}]+(?:[-&'’.][\\p{L}\\p{N}]+)*\\.?");
  private static final String[] PIECES = {
    "a",
    "Z",
    "7",
    "é",
    "Ä",
    "ß",
    "²",
    "Ⅻ",
    "\uD835\uDC00",
    "\uD83D\uDE00",
    "\uD835",
    "ǅ",
    "ʰ",
    "-",
    "&",
    "'",
    "’",
    ".",
    ",",
    " ",
    "  ",
    "\n",
    "\t",
    "\u0001",
    "'s",
    "’s",
    "Mr",
    "Inc",
    "U.S.",
    "J",
    "of",
    "the",
    "and",
    "Prof",
    "İ",
    "́",
    "(",
    "_",
    "@",
    "x"
  };

  @Test
  void shouldCutTheWordsThePatternFinds() {
    Random random = new Random(11);
    for (int n = 0; n < 20_000; n++) {
      String text = randomText(random);
      assertEquals(regexTokens(text), handTokens(text), text);
    }
  }

  @Test
  void shouldMakeTheIdsTheRegexesMade() {
    Random random = new Random(12);
    for (int n = 0; n < 20_000; n++) {
      String name = randomText(random);
      for (EntityType type : EntityType.values()) {
        assertEquals(regexId(type, name), EntityIds.unknown(type, name), name);
      }
    }
  }

  @Test
  void shouldFindFormsWhereTheSearchOfTheWholeTextFoundThem() {
    Random random = new Random(13);
    for (int n = 0; n < 20_000; n++) {
      String text = randomText(random) + randomText(random);
      String form = randomText(random);
      if (form.length() < 2) {
        continue;
      }
      List<Integer> expected = new ArrayList<>();
      for (int at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
        if (KnowledgeBase.isBoundary(text, at - 1)) {
          expected.add(at);
        }
      }
      WordStarts starts = new WordStarts(text);
      List<Integer> found = new ArrayList<>();
      for (int at = starts.next(form, 0); at >= 0; at = starts.next(form, at + 1)) {
        found.add(at);
      }
      assertEquals(expected, found, text + " / " + form);
    }
  }

  private static String randomText(Random random) {
    StringBuilder sb = new StringBuilder();
    int pieces = random.nextInt(12);
    for (int i = 0; i < pieces; i++) {
      sb.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return sb.toString();
  }

  private static List<String> handTokens(String text) {
    List<String> out = new ArrayList<>();
    for (Token t : Tokens.of(text)) {
      out.add(t.text() + "@" + t.start() + "-" + t.end());
    }
    return out;
  }

  // The tokenizer's words as it cut them with the pattern; the weak and headline marks are
  // checked by bin/bench-entities-compare on whole articles.
  private static List<String> regexTokens(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      int start = m.start();
      int end = regexTrimEnd(text, start, m.end());
      if (end > start) {
        out.add(text.substring(start, end) + "@" + start + "-" + end);
      }
    }
    return out;
  }

  private static int regexTrimEnd(String text, int start, int end) {
    if (text.charAt(end - 1) == '.') {
      String word = text.substring(start, end - 1);
      boolean initial = word.length() == 1 && Character.isUpperCase(word.charAt(0));
      boolean shortTitle =
          List.of(
                  "Mr", "Mrs", "Ms", "Dr", "Inc", "Corp", "Ltd", "Co", "Jr", "Sr", "St", "Sen",
                  "Rep", "Gov", "Gen", "Rev", "Prof")
              .contains(word);
      if (!word.contains(".") && !initial && !shortTitle) {
        end--;
      }
    }
    String word = text.substring(start, end);
    if (word.endsWith("'s") || word.endsWith("’s")) {
      end -= 2;
    }
    return end;
  }

  private static String regexId(EntityType type, String name) {
    String ascii =
        Normalizer.normalize(name, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT);
    String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    String id = EntityIds.unknown(type, "x");
    return id.substring(0, id.indexOf(':')) + ":" + slug;
  }
}
