package io.wirewatch.kafka.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InboxBatchesTest {

  private static Map<String, String> records(String... keys) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String k : keys) {
      out.put(k, "v" + k);
    }
    return out;
  }

  @Test
  void shouldRewriteAnEntryWithTheRecordsItStillHoldsAndDeleteItWithItsLast() {
    InboxBatches<String> batches = new InboxBatches<>();
    assertEquals(Map.of(), batches.add("b1", records("1", "2", "3")));
    assertEquals(Map.of(), batches.add("b2", records("4")));

    assertEquals(Map.of("b1", List.of("v3")), batches.remove(List.of("1", "2")));
    assertEquals(
        Map.of("b1", List.of(), "b2", List.of()), batches.remove(List.of("3", "4", "unknown")));
    assertEquals(0, batches.entries());
  }

  @Test
  void shouldMoveARecordKeyToTheEntryThatBroughtItLast() {
    InboxBatches<String> batches = new InboxBatches<>();
    batches.add("b1", records("1", "2"));
    batches.add("single", records("3"));

    // a store keyed by record would keep the later one: so does the inbox
    assertEquals(
        Map.of("b1", List.of("v1"), "single", List.of()), batches.add("b2", records("2", "3")));
    assertEquals(2, batches.entries());
    assertEquals(Map.of("b2", List.of("v3")), batches.remove(List.of("2")));
    assertEquals(Map.of("b1", List.of()), batches.remove(List.of("1")));
  }

  @Test
  void shouldReplaceAnEntryTakenAgain() {
    InboxBatches<String> batches = new InboxBatches<>();
    batches.add("b1", records("1", "2"));

    assertEquals(Map.of(), batches.add("b1", records("1", "2")));
    assertEquals(1, batches.entries());
    assertEquals(Map.of("b1", List.of()), batches.remove(List.of("1", "2")));
  }
}
