package io.wirewatch.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
  // Pieces for the weak and headline marks: long capitalised and lower-case words (headlines
  // count words over three letters) and the stops a sentence start looks back for.
  private static final String[] MARK_PIECES = {
    "Health", "Board", "Maria", "said", "with", "Wa", "of", "I", "Ünal", "éclair", "7th", "U.S.",
    "Mr.", " ", " ", " ", "  ", "\n", "\n\n", "\t", ".", "!", "?", ":", ";", ",", "-", "'s", "(",
    "\"", "“", "2024", "Dr", "\r\n", "\u0001"
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

  @Test
  void shouldMarkWeakWordsAndHeadlinesAsThePreRewriteCodeDid() {
    Random random = new Random(14);
    int headlines = 0;
    int weak = 0;
    for (int n = 0; n < 20_000; n++) {
      String text =
          n % 2 == 0
              ? randomText(random, MARK_PIECES, 40)
              : randomText(random, MARK_PIECES, 20) + randomText(random) + randomText(random);
      List<Token> tokens = Tokens.of(text);
      assertEquals(PreRewriteTokens.of(text), tokens, text);
      headlines += tokens.stream().anyMatch(Token::headline) ? 1 : 0;
      weak += tokens.stream().anyMatch(t -> t.weak() && !t.headline()) ? 1 : 0;
    }
    // the texts must reach both marks, or the comparison says little
    assertTrue(headlines > 1000 && weak > 1000, headlines + " headlines, " + weak + " weak");
  }

  static String randomText(Random random) {
    return randomText(random, PIECES, 12);
  }

  static String randomText(Random random, String[] pieces, int most) {
    StringBuilder sb = new StringBuilder();
    int count = random.nextInt(most);
    for (int i = 0; i < count; i++) {
      sb.append(pieces[random.nextInt(pieces.length)]);
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
  // checked against PreRewriteTokens below.
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

  /**
   * Tokens.of as it was before the hand-written scan (commit c9310df): the pattern's words and the
   * old weak and headline marking over Token lists, kept unchanged as an oracle for the rewrite.
   */
  private static final class PreRewriteTokens {

    static List<Token> of(String text) {
      List<Token> tokens = new ArrayList<>();
      Matcher m = WORD.matcher(text);
      while (m.find()) {
        int start = m.start();
        int end = regexTrimEnd(text, start, m.end());
        if (end > start) {
          tokens.add(new Token(text.substring(start, end), start, end, false, false));
        }
      }
      return markWeak(text, tokens);
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
}
