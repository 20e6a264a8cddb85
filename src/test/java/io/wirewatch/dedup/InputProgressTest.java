package io.wirewatch.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class InputProgressTest {

  private final InputProgress progress =
      new InputProgress(Duration.ofMillis(750), Duration.ofSeconds(10), 0);

  @Test
  void shouldAnnounceTheGreatestEventTimeSentOnceEachTimeItChanges() {
    progress.sent(5_000, 10, 10);
    progress.sent(4_000, 20, 20);
    assertEquals(OptionalLong.of(5_000), progress.due(100));
    assertTrue(progress.due(200).isEmpty(), "nothing new to say");
    progress.sent(6_000, 300, 300);
    assertEquals(OptionalLong.of(6_000), progress.due(400));
  }

  @Test
  void shouldCallItselfIdleAfterTheIdleTimeWithoutARecord() {
    progress.sent(5_000, 10, 10);
    assertEquals(OptionalLong.of(5_000), progress.due(759));
    assertEquals(OptionalLong.of(LowWatermark.IDLE), progress.due(760));
    assertTrue(progress.due(900).isEmpty());
    progress.sent(7_000, 1_000, 1_000);
    assertEquals(OptionalLong.of(7_000), progress.due(1_100));
  }

  @Test
  void shouldWaitTheStartupTimeForTheFirstRecordAfterAStart() {
    assertTrue(progress.due(9_999).isEmpty(), "a restarted input may be fetching its backlog");
    assertEquals(OptionalLong.of(LowWatermark.IDLE), progress.due(10_000));
  }

  @Test
  void shouldWaitTheStartupTimeWhenItsLatestRecordCameLate() {
    // written at 0, sent on at 2,000: the input is working through a backlog
    progress.sent(5_000, 0, 2_000);
    assertEquals(OptionalLong.of(5_000), progress.due(2_100));
    assertTrue(progress.due(2_760).isEmpty(), "quiet, but a backlog may be waiting behind it");
    assertEquals(OptionalLong.of(LowWatermark.IDLE), progress.due(12_000));
    // caught up again: a record sent on 100 ms after it was written
    progress.sent(6_000, 12_400, 12_500);
    assertEquals(OptionalLong.of(6_000), progress.due(12_600));
    assertEquals(OptionalLong.of(LowWatermark.IDLE), progress.due(13_250));
  }
}
