package io.wirewatch.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class AnnouncerTest {

  private final Announcer announcer = new Announcer(Duration.ofSeconds(10));

  @Test
  void shouldAnnounceEachChange() {
    assertEquals(OptionalLong.of(5), announcer.due(5, 0));
    assertTrue(announcer.due(5, 100).isEmpty());
    assertEquals(OptionalLong.of(7), announcer.due(7, 200));
  }

  @Test
  void shouldRepeatAnUnchangedWatermarkAfterTheRepeatTime() {
    announcer.due(5, 0);
    assertTrue(announcer.due(5, 9_999).isEmpty());
    assertEquals(OptionalLong.of(5), announcer.due(5, 10_000), "in case the last one was lost");
  }
}
