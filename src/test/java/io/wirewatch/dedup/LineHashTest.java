package io.wirewatch.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LineHashTest {

  // spaces of every kind, capitals, the backquote, and chars that must take the long way
  private static final String CHARS =
      "aZ q`'.,-09 \t\r\f\u000B\u001F\u007F<&;é\u00A0\u2019\uFB01<b>&amp;";

  // character references: those hashed in the one pass (common ones, numeric ones for ASCII) and
  // others, plus near misses that stay as they are
  private static final String[] REFERENCES = {
    "&lt;", "&gt;", "&amp;", "&quot;", "&#3;", "&#10;", "&#32;", "&#x41;", "&#X7f;", "&#96;",
    "&#0;", "&#127;", "&#200;", "&LT;", "&nbsp;", "&mdash;", "&#x;", "&#12345678;", "&lt", "&a;",
    "&amp;lt;", "\u0003", "\u001C"
  };

  @Test
  void shouldHashAsTheNormalisedLineIsHashed() {
    Random random = new Random(17);
    // one instance throughout, as a model has: its buffer grows and is reused
    LineHash hasher = new LineHash();
    for (int n = 0; n < 50_000; n++) {
      StringBuilder line = new StringBuilder();
      int length = random.nextInt(100) == 0 ? 200 + random.nextInt(400) : random.nextInt(40);
      for (int i = 0; i < length; i++) {
        // mostly plain ASCII, as wire copy is
        int pick = random.nextInt(8);
        if (pick == 0) {
          line.append(REFERENCES[random.nextInt(REFERENCES.length)]);
        } else if (pick < 3) {
          line.append(CHARS.charAt(random.nextInt(CHARS.length())));
        } else {
          line.append((char) (' ' + random.nextInt(95)));
        }
      }
      String s = line.toString();
      assertEquals(LineHash.normalised(s), hasher.of(s), () -> "line [" + s + "]");
    }
  }

  @Test
  void shouldGiveNoHashToALineWithoutText() {
    assertEquals(null, new LineHash().of(" \t\r "));
    assertEquals(null, new LineHash().of(""));
    assertEquals(new LineHash().of("Leave a reply"), new LineHash().of("  LEAVE   a\treply "));
  }
}
