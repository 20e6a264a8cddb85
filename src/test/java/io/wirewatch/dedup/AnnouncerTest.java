package io.wirewatch.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class AnnouncerTest {

  @Test
  void shouldAnnounceTheFirstWatermarkAndEachChangeOnly() {
    Announcer announcer = new Announcer();
    assertEquals(OptionalLong.of(5), announcer.due(5));
    assertTrue(announcer.due(5).isEmpty());
    assertEquals(OptionalLong.of(7), announcer.due(7));
    assertEquals(OptionalLong.of(LowWatermark.IDLE), announcer.due(LowWatermark.IDLE));
    assertTrue(announcer.due(LowWatermark.IDLE).isEmpty(), "a quiet pipeline writes nothing");
  }
}
