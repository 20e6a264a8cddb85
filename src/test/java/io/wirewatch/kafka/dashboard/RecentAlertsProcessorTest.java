package io.wirewatch.kafka.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirewatch.codec.JsonViews;
import io.wirewatch.kafka.alert.SentAlert;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

class RecentAlertsProcessorTest {

  private static final Instant T = Instant.parse("2026-03-03T10:00:00Z");

  private final MockProcessorContext<String, String> context = new MockProcessorContext<>();
  private final KeyValueStore<String, String> store =
      Stores.keyValueStoreBuilder(
              Stores.inMemoryKeyValueStore("latest"), Serdes.String(), Serdes.String())
          .withLoggingDisabled()
          .build();

  RecentAlertsProcessorTest() {
    store.init(context.getStateStoreContext(), store);
    context.addStateStore(store);
  }

  private RecentAlerts started() {
    context.resetForwards();
    RecentAlerts p = new RecentAlerts("latest");
    p.init(context);
    return p;
  }

  private void alert(RecentAlerts p, int i) {
    String json =
        JsonViews.write(
            JsonViews.MAPPER
                .createObjectNode()
                .put("ruleId", "r" + i)
                .put("alertedAt", T.plusSeconds(i).toString()));
    p.process(new Record<>("desk", new SentAlert("r" + i, "desk", json), T.toEpochMilli()));
  }

  /** The rule ids of the list sent at {@code now}, newest first. */
  private List<String> flush(long now) throws Exception {
    context.resetForwards();
    context.scheduledPunctuators().stream()
        .filter(s -> s.getType() == PunctuationType.WALL_CLOCK_TIME)
        .reduce((first, last) -> last)
        .orElseThrow()
        .getPunctuator()
        .punctuate(now);
    List<String> ids = new ArrayList<>();
    for (var f : context.forwarded()) {
      assertEquals(RecentAlerts.KEY, f.record().key());
      for (JsonNode a : JsonViews.MAPPER.readTree(f.record().value())) {
        ids.add(a.get("ruleId").asText());
      }
    }
    return ids;
  }

  private static List<String> ids(int newest, int oldest) {
    List<String> out = new ArrayList<>();
    for (int i = newest; i >= oldest; i--) {
      out.add("r" + i);
    }
    return out;
  }

  @Test
  void shouldSendTheNewestAlertsFromAFewSlots() throws Exception {
    RecentAlerts p = started();
    for (int i = 0; i < 47; i++) {
      alert(p, i);
      assertTrue(store.approximateNumEntries() <= RecentAlerts.SLOTS);
    }
    assertEquals(ids(46, 27), flush(T.toEpochMilli()));
    assertEquals(0, store.approximateNumEntries(), "sent slots are deleted");
    assertEquals(List.of(), flush(T.toEpochMilli() + 1000), "nothing new, nothing sent");

    alert(p, 47);
    alert(p, 48);
    assertEquals(ids(48, 47), flush(T.toEpochMilli() + 2000));
  }

  @Test
  void shouldSendWhatWaitedBeforeARestartAlongWithWhatCameAfter() throws Exception {
    RecentAlerts before = started();
    for (int i = 0; i < 7; i++) {
      alert(before, i);
    }
    // the task stops before its send; the one that takes over finds the slots in the store
    RecentAlerts after = started();
    alert(after, 7);
    alert(after, 8);
    assertEquals(ids(8, 0), flush(T.toEpochMilli()));
  }

  /** The slots of the code before the ring: "00" to "19", each one alert's JSON, no position. */
  private void seedOldSlots(int count) {
    for (int i = 0; i < count; i++) {
      store.put(
          String.format("%02d", i),
          JsonViews.write(
              JsonViews.MAPPER
                  .createObjectNode()
                  .put("ruleId", "r" + i)
                  .put("subscriber", "desk")
                  .put("body", "not shown")
                  .put("alertedAt", T.plusSeconds(i).toString())));
    }
  }

  @Test
  void shouldSendTheAlertsOfOldSlotsAfterAnUpgrade() throws Exception {
    seedOldSlots(20);
    started();
    assertEquals(ids(19, 0), flush(T.toEpochMilli()));
    assertEquals(0, store.approximateNumEntries(), "the old slots are deleted once sent");
    context.resetForwards();
    assertEquals(List.of(), flush(T.toEpochMilli() + 1000));
  }

  @Test
  void shouldCountOldSlotsAsOlderThanTheAlertsAfterTheUpgrade() throws Exception {
    seedOldSlots(20);
    RecentAlerts p = started();
    for (int i = 20; i < 27; i++) {
      alert(p, i);
    }
    // the new slots start at position 0 ("0", "1"), beside the old "00".."19"
    assertEquals(22, store.approximateNumEntries());
    assertEquals(ids(26, 7), flush(T.toEpochMilli()));
    assertEquals(0, store.approximateNumEntries());
  }

  @Test
  void shouldShowOnlyTheListedFieldsOfAnOldSlot() throws Exception {
    seedOldSlots(1);
    started();
    context.resetForwards();
    flush(T.toEpochMilli());
    JsonNode alert = JsonViews.MAPPER.readTree(context.forwarded().get(0).record().value()).get(0);
    assertEquals("desk", alert.get("subscriber").asText());
    assertTrue(alert.get("body") == null, "fields not shown are left out");
  }
}
