package io.wirewatch.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LowWatermarkTest {

  @Test
  void shouldHoldNothingBackBeforeAnyInputIsHeard() {
    LowWatermark low = new LowWatermark();
    assertEquals(LowWatermark.IDLE, low.value());
    assertTrue(low.passed(1_000_000));
  }

  @Test
  void shouldWaitForTheSlowestInput() {
    LowWatermark low = new LowWatermark();
    low.announce(0, 5_000);
    low.announce(1, 2_000);
    assertEquals(2_000, low.value());
    assertTrue(low.passed(1_999));
    assertFalse(low.passed(2_000), "the slow input may still send more at 2,000");
    low.announce(1, 9_000);
    assertEquals(5_000, low.value());
  }

  @Test
  void shouldIgnoreAnIdleInputUntilItSendsAgain() {
    LowWatermark low = new LowWatermark();
    low.announce(0, 5_000);
    low.announce(1, 2_000);
    low.announce(1, LowWatermark.IDLE);
    assertEquals(5_000, low.value());
    low.announce(1, 3_000);
    assertEquals(3_000, low.value(), "an input that wakes up holds the merge back again");
  }
}
