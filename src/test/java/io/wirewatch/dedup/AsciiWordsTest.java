package io.wirewatch.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wirewatch.text.WordTokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AsciiWordsTest {

  @Test
  void shouldFindAndHashTheTokenizersWordsInRandomAsciiTexts() {
    Random random = new Random(3);
    AsciiWords words = new AsciiWords();
    for (int t = 0; t < 2_000; t++) {
      // every ASCII char, words of 1 to 40 chars, texts from empty to beyond a few blocks; the
      // scanner is reused, so a long text's leftovers must not leak into the next
      String text = randomText(random, random.nextInt(t % 10 == 0 ? 2_000 : 200));
      assertWordsOf(words, text);
    }
    assertWordsOf(words, "a".repeat(64) + " " + "B".repeat(63) + "9 " + "x".repeat(200));
  }

  @Test
  void shouldRefuseATextWithACharBeyondAsciiWhereverItIs() {
    AsciiWords words = new AsciiWords();
    String ascii = "Acme said on Monday it would buy 3M. ".repeat(40);
    char[] beyond = {0x80, 0xE9, 0xFF, 0x100, 0x130, 0x2014, 0xD835, 0xFFFF};
    for (int at = 0; at < ascii.length(); at += 37) {
      for (char c : beyond) {
        char[] text = ascii.toCharArray();
        text[at] = c;
        assertFalse(words.scan(text, text.length), at + " " + (int) c);
        assertEquals(0, words.count);
      }
    }
    // and the scanner, refused once, still reads the next ASCII text
    assertTrue(words.scan(ascii.toCharArray(), ascii.length()));
    assertWordsOf(words, ascii);
  }

  private static void assertWordsOf(AsciiWords words, String text) {
    assertTrue(words.scan(text.toCharArray(), text.length()));
    List<String> expected = WordTokenizer.words(text);
    List<String> found = new ArrayList<>();
    for (int w = 0; w < words.count; w++) {
      String word = text.substring(words.starts[w], words.ends[w]);
      found.add(word);
      long hash = words.hash(words.starts[w], words.ends[w]);
      assertEquals(Hashing.wordHash(word.toLowerCase(Locale.ROOT)), hash, word);
      long flags = 0;
      if (word.chars().anyMatch(Character::isDigit)) {
        flags |= AsciiWords.DIGIT;
      }
      if (word.chars().anyMatch(Character::isLowerCase)) {
        flags |= AsciiWords.LOWER_CASE;
      }
      assertEquals(flags, words.flags, word);
    }
    assertEquals(expected, found, text);
  }

  private static String randomText(Random random, int length) {
    StringBuilder text = new StringBuilder(length);
    String letters = "aZ9bY0qQzA";
    while (text.length() < length) {
      if (random.nextInt(3) == 0) {
        text.append((char) random.nextInt(0x80));
      } else {
        int n = 1 + random.nextInt(random.nextInt(8) == 0 ? 40 : 9);
        for (int i = 0; i < n; i++) {
          text.append(
              random.nextBoolean()
                  ? letters.charAt(random.nextInt(letters.length()))
                  : (char) ('a' + random.nextInt(26) - (random.nextInt(4) == 0 ? 32 : 0)));
        }
      }
    }
    return text.toString();
  }
}
