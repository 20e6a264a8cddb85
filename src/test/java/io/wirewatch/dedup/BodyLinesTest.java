package io.wirewatch.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class BodyLinesTest {

  @Test
  void shouldNotTakeALoneSurrogateForTheQuestionMarkItsUtf8FormHas() {
    // "a\uD800b" encodes to the three bytes "a?b": as long as its chars, so it passed for ASCII
    BodyLines withSurrogate = new BodyLines();
    withSurrogate.read("Subscribe to a\uD800b today\nsecond line");
    BodyLines withQuestionMark = new BodyLines();
    withQuestionMark.read("Subscribe to a?b today\nsecond line");

    assertNotEquals(withQuestionMark.hash(0), withSurrogate.hash(0));
    assertEquals(withQuestionMark.hash(1), withSurrogate.hash(1));
  }

  @Test
  void shouldHashAnAsciiBodyWithQuestionMarksAsItsChars() {
    BodyLines ascii = new BodyLines();
    ascii.read("Who? What?\nWhere?");
    BodyLines asChars = new BodyLines();
    // a non-ASCII char elsewhere in the body sends every line through the char path
    asChars.read("Who? What?\nWhere?\n\u00e9");

    assertEquals(asChars.hash(0), ascii.hash(0));
    assertEquals(asChars.hash(1), ascii.hash(1));
  }
}
