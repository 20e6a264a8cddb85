package io.wirewatch.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LineHashTest {

  // spaces of every kind, capitals, the backquote, and chars that must take the long way
  private static final String CHARS =
      "aZ q`'.,-09 \t\r\f\u000B\u001F\u007F<&;é\u00A0\u2019\uFB01<b>&amp;";

  @Test
  void shouldHashAsTheNormalisedLineIsHashed() {
    Random random = new Random(17);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder line = new StringBuilder();
      int length = random.nextInt(40);
      for (int i = 0; i < length; i++) {
        // mostly plain ASCII, as wire copy is
        line.append(
            random.nextInt(4) == 0
                ? CHARS.charAt(random.nextInt(CHARS.length()))
                : (char) (' ' + random.nextInt(95)));
      }
      String s = line.toString();
      assertEquals(LineHash.normalised(s), LineHash.of(s), () -> "line [" + s + "]");
    }
  }

  @Test
  void shouldGiveNoHashToALineWithoutText() {
    assertEquals(null, LineHash.of(" \t\r "));
    assertEquals(null, LineHash.of(""));
    assertEquals(LineHash.of("Leave a reply"), LineHash.of("  LEAVE   a\treply "));
  }
}
