package io.wirewatch.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AsciiLineHashTest {

  // ASCII chars of every kind the simple hash tests for, spaces weighted so runs of them occur
  private static final String CHARS = "aZ AZ`'.&<;09\t\r\u0000\u001F\u007F  ";

  @Test
  void shouldHashAsTheCharsAreHashed() {
    Random random = new Random(11);
    for (int n = 0; n < 200_000; n++) {
      // the line somewhere in a body, other chars around it; or at its very end
      char[] chars = new char[random.nextInt(700) + 1];
      for (int i = 0; i < chars.length; i++) {
        chars[i] = random.nextBoolean() ? ' ' : (char) random.nextInt(0x80);
      }
      int length = random.nextInt(100) == 0 ? random.nextInt(600) : random.nextInt(40);
      length = Math.min(length, chars.length);
      int start =
          random.nextInt(4) == 0
              ? chars.length - length
              : random.nextInt(chars.length - length + 1);
      for (int i = start; i < start + length; i++) {
        chars[i] =
            random.nextInt(4) == 0
                ? CHARS.charAt(random.nextInt(CHARS.length()))
                : (char) (' ' + random.nextInt(95));
      }
      byte[] bytes = new String(chars).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      int end = start + length;
      int from = start;
      assertEquals(
          LineHash.hashSimple(chars, start, end),
          AsciiLineHash.hash(bytes, start, end),
          () -> "line [" + new String(chars, from, end - from) + "]");
    }
  }

  @Test
  void shouldHashPlainLinesOfEveryLengthAsTheNormalisedLine() {
    String text = "The Quick brown `fox` jumps over the lazy dog, 42 times. ";
    String all = text + text + text;
    byte[] bytes = all.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    for (int length = 1; length <= all.length(); length++) {
      String line = all.substring(0, length);
      long expected = line.isBlank() ? LineHash.NOT_SIMPLE : LineHash.normalised(line);
      assertEquals(expected, AsciiLineHash.hash(bytes, 0, length), line);
    }
  }
}
