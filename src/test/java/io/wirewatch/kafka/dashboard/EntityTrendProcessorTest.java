package io.wirewatch.kafka.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirewatch.codec.JsonViews;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

class EntityTrendProcessorTest {

  private static final long T = Instant.parse("2026-03-03T10:00:00Z").toEpochMilli();
  private static final String ACME = "{\"name\":\"Acme\",\"type\":\"ORGANIZATION\"}";
  private static final String ZED = "{\"name\":\"Zed\",\"type\":\"PERSON\"}";

  private final MockProcessorContext<String, String> context = new MockProcessorContext<>();
  private final KeyValueStore<String, String> store =
      Stores.keyValueStoreBuilder(
              Stores.inMemoryKeyValueStore("trends"), Serdes.String(), Serdes.String())
          .withLoggingDisabled()
          .build();

  EntityTrendProcessorTest() {
    store.init(context.getStateStoreContext(), store);
    context.addStateStore(store);
  }

  private EntityTrendProcessor started() {
    EntityTrendProcessor p = new EntityTrendProcessor("trends");
    p.init(context);
    return p;
  }

  private void flush(long now) {
    context.scheduledPunctuators().stream()
        .filter(s -> s.getType() == PunctuationType.WALL_CLOCK_TIME)
        .reduce((first, last) -> last)
        .orElseThrow()
        .getPunctuator()
        .punctuate(now);
  }

  /** The summaries sent since the last call, by entity id. */
  private Map<String, JsonNode> sent() throws Exception {
    Map<String, JsonNode> out = new TreeMap<>();
    for (var f : context.forwarded()) {
      for (JsonNode summary : JsonViews.MAPPER.readTree(f.record().value())) {
        out.put(summary.get("id").asText(), summary);
      }
    }
    context.resetForwards();
    return out;
  }

  @Test
  void shouldSendEachMentionedEntitysLatestSummaryOncePerInterval() throws Exception {
    EntityTrendProcessor p = started();
    flush(T);
    assertEquals(Map.of(), sent(), "an empty store has nothing to resend");

    p.process(new Record<>("acme", ACME, T));
    p.process(new Record<>("acme", ACME, T + 1000));
    p.process(new Record<>("zed", ZED, T + 2000));
    assertEquals(List.of(), context.forwarded(), "nothing before the interval is up");
    flush(T + 3000);
    assertEquals(1, context.forwarded().size(), "both summaries go in one record");
    Map<String, JsonNode> first = sent();
    assertEquals(List.of("acme", "zed"), List.copyOf(first.keySet()));
    assertEquals(2, first.get("acme").get("mentions24h").asInt());
    assertEquals("Acme", first.get("acme").get("name").asText());
    assertEquals(T + 1000, first.get("acme").get("lastSeenMs").asLong());

    p.process(new Record<>("acme", ACME, T + 4000));
    flush(T + 5000);
    Map<String, JsonNode> second = sent();
    assertEquals(List.of("acme"), List.copyOf(second.keySet()), "zed did not change");
    assertEquals(3, second.get("acme").get("mentions24h").asInt());

    flush(T + 6000);
    assertEquals(Map.of(), sent());
  }

  /**
   * A task that starts again finds the entities restored from the changelog while the summaries
   * that waited in memory are gone: its first flush sends every entity's summary.
   */
  @Test
  void shouldSendEveryEntityInTheStoreAtTheFirstFlushAfterAStart() throws Exception {
    EntityTrendProcessor before = started();
    flush(T);
    before.process(new Record<>("acme", ACME, T));
    before.process(new Record<>("acme", ACME, T + 1000));
    before.process(new Record<>("zed", ZED, T + 2000));
    // stops here, with both summaries waiting

    context.resetForwards();
    started();
    flush(T + 60_000);
    Map<String, JsonNode> resent = sent();
    assertEquals(List.of("acme", "zed"), List.copyOf(resent.keySet()));
    assertEquals(2, resent.get("acme").get("mentions24h").asInt());
    assertEquals(1, resent.get("zed").get("mentions24h").asInt());
    assertEquals("PERSON", resent.get("zed").get("type").asText());
  }

  @Test
  void shouldKeepARecordWithinTheByteBudgetWhateverTheNamesLength() throws Exception {
    EntityTrendProcessor p = started();
    flush(T);
    // 30 entities with names of some 40 KB in UTF-8: 1.3 MB of summaries in one interval
    for (int i = 0; i < 30; i++) {
      String name = ("name" + i + "\u20ac").repeat(5_000);
      p.process(new Record<>("e" + i, "{\"name\":\"" + name + "\",\"type\":\"PERSON\"}", T));
    }
    flush(T + 1000);

    for (var f : context.forwarded()) {
      int bytes = f.record().value().getBytes(StandardCharsets.UTF_8).length;
      assertTrue(bytes <= PartitionBatches.MAX_BYTES + 2, "a record of " + bytes + " bytes");
    }
    assertTrue(context.forwarded().size() >= 6, "" + context.forwarded().size());
    assertEquals(30, sent().size());
  }

  @Test
  void shouldCountEveryMentionOfABatch() throws Exception {
    EntityTrendProcessor p = started();
    flush(T);
    String batch =
        "[{\"id\":\"acme\",\"name\":\"Acme\",\"type\":\"ORGANIZATION\"},"
            + "{\"id\":\"zed\",\"name\":\"Zed\",\"type\":\"PERSON\"}]";
    p.process(new Record<>("acme", batch, T));
    p.process(new Record<>("acme", ACME, T + 1000));
    flush(T + 2000);
    Map<String, JsonNode> sent = sent();
    assertEquals(2, sent.get("acme").get("mentions24h").asInt());
    assertEquals(1, sent.get("zed").get("mentions24h").asInt());
    assertEquals("PERSON", sent.get("zed").get("type").asText());
  }
}
