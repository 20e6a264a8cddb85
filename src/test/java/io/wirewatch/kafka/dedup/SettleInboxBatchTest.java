package io.wirewatch.kafka.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettleInboxBatchTest {

  @TempDir Path state;

  /** Records are their own inbox keys; an entry of several joins them with ','. */
  private static final SettleInbox.Packing<String> JOINED =
      new SettleInbox.Packing<>() {
        @Override
        public String pack(List<String> records) {
          return String.join(",", records);
        }

        @Override
        public List<String> unpack(String entry) {
          return List.of(entry.split(","));
        }

        @Override
        public String keyOf(String record) {
          return record;
        }
      };

  private final List<String> handedOver = new ArrayList<>();
  private MockProcessorContext<String, String> context;
  private KeyValueStore<String, String> inboxStore;
  private KeyValueStore<String, Long> watermarkStore;

  private static String at(long time, String id) {
    return SettleInbox.key(time, id);
  }

  private SettleInbox<String> open() {
    context = new MockProcessorContext<>(new Properties(), new TaskId(0, 0), state.toFile());
    context.setCurrentSystemTimeMs(0);
    if (inboxStore == null) {
      inboxStore =
          Stores.keyValueStoreBuilder(
                  Stores.inMemoryKeyValueStore("inbox"), Serdes.String(), Serdes.String())
              .withLoggingDisabled()
              .build();
      watermarkStore =
          Stores.keyValueStoreBuilder(
                  Stores.inMemoryKeyValueStore("watermarks"), Serdes.String(), Serdes.Long())
              .withLoggingDisabled()
              .build();
      inboxStore.init(context.getStateStoreContext(), inboxStore);
      watermarkStore.init(context.getStateStoreContext(), watermarkStore);
    }
    context.addStateStore(inboxStore);
    context.addStateStore(watermarkStore);
    return SettleInbox.open(
        context,
        "inbox",
        "watermarks",
        Duration.ofMillis(100),
        Duration.ZERO,
        (claimed, now) -> handedOver.add(claimed.value),
        JOINED);
  }

  private Map<String, String> stored() {
    Map<String, String> out = new TreeMap<>();
    try (KeyValueIterator<String, String> it = inboxStore.all()) {
      it.forEachRemaining(kv -> out.put(kv.key, kv.value));
    }
    return out;
  }

  @Test
  void shouldStoreABatchAsOneEntryHoldingWhatIsNotHandedOverYet() {
    SettleInbox<String> inbox = open();
    inbox.watermark(0, 0, 0);
    inbox.putAll("batch|0:1", List.of(at(1, "a"), at(2, "b"), at(3, "c")), 0);
    inbox.putAll("batch|0:2", List.of(at(2, "x")), 0);
    assertEquals(2, stored().size(), "one entry per batch");

    inbox.watermark(0, 3, 0);

    assertEquals(List.of(at(1, "a"), at(2, "b"), at(2, "x")), handedOver);
    assertEquals(Map.of("batch|0:1", at(3, "c")), stored());

    // a restart finds the one record left, and nothing handed over comes again
    handedOver.clear();
    SettleInbox<String> restarted = open();
    restarted.watermark(0, 10, 0);
    assertEquals(List.of(at(3, "c")), handedOver);
    assertEquals(Map.of(), stored());
  }

  @Test
  void shouldTakeRecordsStoredOneByOneAndBatchesInOneOrder() {
    // what an earlier version left in the store: one record per entry, under its own key
    SettleInbox<String> before = open();
    before.watermark(0, 0, 0);
    inboxStore.put(at(2, "old"), at(2, "old"));
    inboxStore.put(at(5, "older"), at(5, "older"));

    SettleInbox<String> inbox = open();
    inbox.putAll("batch|0:7", List.of(at(1, "a"), at(3, "c")), 0);
    inbox.put(at(4, "single"), at(4, "single"), 0);
    inbox.watermark(0, 10, 0);

    assertEquals(
        List.of(at(1, "a"), at(2, "old"), at(3, "c"), at(4, "single"), at(5, "older")), handedOver);
    assertEquals(Map.of(), stored());
  }
}
