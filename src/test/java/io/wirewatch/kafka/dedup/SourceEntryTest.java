package io.wirewatch.kafka.dedup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wirewatch.dedup.BoilerplateModel;
import io.wirewatch.dedup.DedupSettings;
import io.wirewatch.dedup.DocumentFrequencies;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SourceEntryTest {

  private static final long DAY = 86_400_000L;

  private static byte[] model() {
    BoilerplateModel m = new BoilerplateModel(DedupSettings.defaults(DocumentFrequencies.empty()));
    m.learn("Follow us on social media.\nThe news.", Instant.parse("2026-03-03T09:00:00Z"));
    return m.toBytes();
  }

  @Test
  void shouldKeepTheModelBehindTheLastSeenTime() {
    byte[] model = model();
    byte[] entry = SourceEntry.of(42 * DAY, model);
    assertEquals(42 * DAY, SourceEntry.lastSeen(entry));
    assertArrayEquals(model, SourceEntry.model(entry));
  }

  @Test
  void shouldCarryAppendicesInASplitHeadAndCountEachArticle() {
    byte[] head = SourceEntry.split(42 * DAY, 5);
    assertTrue(SourceEntry.isSplit(head));
    assertTrue(SourceEntry.hasLastSeen(head));
    assertEquals(5, SourceEntry.learned(head));
    byte[] grown =
        SourceEntry.splitAppended(
            SourceEntry.splitAppended(head, 43 * DAY, new byte[] {7, 8}), 44 * DAY, new byte[] {9});
    assertEquals(44 * DAY, SourceEntry.lastSeen(grown));
    assertEquals(7, SourceEntry.learned(grown));
    assertArrayEquals(new byte[] {1, 2, 7, 8, 9}, SourceEntry.splitModel(grown, new byte[] {1, 2}));
    assertThrows(IllegalArgumentException.class, () -> SourceEntry.model(grown));
  }

  @Test
  void shouldTellTheOlderFormatsFromASplitHead() {
    byte[] model = model();
    assertFalse(SourceEntry.isSplit(model));
    assertFalse(SourceEntry.isSplit(SourceEntry.of(42 * DAY, model)));
  }

  @Test
  void shouldReadAModelStoredBeforeTheTimeWasKeptAsOfUnknownTime() {
    byte[] model = model();
    assertEquals(SourceEntry.UNKNOWN, SourceEntry.lastSeen(model));
    assertArrayEquals(model, SourceEntry.model(model));
    assertFalse(SourceEntry.expired(SourceEntry.UNKNOWN, 1_000 * DAY, 7 * DAY));
  }

  @Test
  void shouldExpireOnlyWhatWasLastSeenMoreThanTheWindowBefore() {
    assertFalse(SourceEntry.expired(10 * DAY, 17 * DAY, 7 * DAY));
    assertTrue(SourceEntry.expired(10 * DAY - 1, 17 * DAY, 7 * DAY));
  }
}
