package io.wirewatch.kafka.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartialCountsTest {

  private static final Instant T0 = Instant.parse("2026-03-03T10:00:00Z");
  private static final Duration GRACE = Duration.ofMinutes(5);

  @TempDir Path state;

  /**
   * The same input counted twice: every record through a repartition (as the dashboard did), and
   * partial counts per minute through a repartition, summed per minute and per hour.
   */
  private static Topology topology() {
    StreamsBuilder b = new StreamsBuilder();
    KStream<String, String> in = b.stream("in", Consumed.with(Serdes.String(), Serdes.String()));
    in.selectKey((k, v) -> v)
        .groupByKey(Grouped.with("every", Serdes.String(), Serdes.String()))
        .windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofMinutes(1), GRACE))
        .count(Materialized.<String, Long, WindowStore<Bytes, byte[]>>as("every-minute"));
    b.addStateStore(PartialCounts.store("pending"));
    var partial =
        in.process(
                () ->
                    new PartialCounts<String>(
                        "pending", Duration.ofMinutes(1), r -> List.of(r.value(), "*")),
                "pending")
            .groupByKey(Grouped.with("partial", Serdes.String(), Serdes.Long()));
    for (var w : Map.of("minute", Duration.ofMinutes(1), "hour", Duration.ofHours(1)).entrySet()) {
      partial
          .windowedBy(TimeWindows.ofSizeAndGrace(w.getValue(), GRACE))
          .reduce(
              Long::sum,
              Materialized.<String, Long, WindowStore<Bytes, byte[]>>as("sum-" + w.getKey())
                  .withValueSerde(Serdes.Long()));
    }
    return b.build();
  }

  private static Map<String, Long> counts(TopologyTestDriver d, String store) {
    Map<String, Long> out = new TreeMap<>();
    WindowStore<String, Long> s = d.getWindowStore(store);
    try (var it = s.all()) {
      it.forEachRemaining(
          kv ->
              out.put(
                  kv.key.key() + "@" + Instant.ofEpochMilli(kv.key.window().start()), kv.value));
    }
    return out;
  }

  @Test
  void shouldGiveTheSameCountsAsCountingEveryRecordOverManyIntervalsAndWindows() {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "partial-counts-test");
    p.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
    try (TopologyTestDriver d = new TopologyTestDriver(topology(), p, T0)) {
      TestInputTopic<String, String> in =
          d.createInputTopic("in", Serdes.String().serializer(), Serdes.String().serializer());
      Random random = new Random(7);
      Map<String, Long> expectedHour = new TreeMap<>();
      long t = T0.toEpochMilli();
      for (int i = 0; i < 3000; i++) {
        // mostly forward, sometimes a minute late (within the grace), across three hours
        t += random.nextInt(7_000);
        long ts = random.nextInt(10) == 0 ? t - 60_000 : t;
        String dimension = "d" + random.nextInt(12);
        in.pipeInput("k" + i, dimension, Instant.ofEpochMilli(ts));
        for (String key : List.of(dimension, "*")) {
          expectedHour.merge(key + "@" + Instant.ofEpochMilli(ts - ts % 3_600_000), 1L, Long::sum);
        }
        if (random.nextInt(40) == 0) {
          d.advanceWallClockTime(Duration.ofMillis(300 + random.nextInt(2000)));
        }
      }
      d.advanceWallClockTime(Duration.ofSeconds(1));

      Map<String, Long> every = counts(d, "every-minute");
      Map<String, Long> minute = counts(d, "sum-minute");
      minute.keySet().removeIf(k -> k.startsWith("*@"));
      assertTrue(every.size() > 100, "many windows: " + every.size());
      assertEquals(every, minute);
      assertEquals(expectedHour, counts(d, "sum-hour"));
    }
  }

  @Test
  void shouldKeepWhatItCountedInTheStoreUntilItIsSent() {
    Properties config = new Properties();
    MockProcessorContext<String, Long> context =
        new MockProcessorContext<>(config, new TaskId(0, 0), state.toFile());
    TimestampedKeyValueStore<String, Long> store =
        PartialCounts.store("pending").withLoggingDisabled().withCachingDisabled().build();
    store.init(context.getStateStoreContext(), store);
    context.addStateStore(store);
    long t = T0.toEpochMilli();
    PartialCounts<String> before =
        new PartialCounts<>("pending", Duration.ofMinutes(1), r -> List.of(r.value()));
    before.init(context);
    before.process(new Record<>("x", "a", t + 1_000));
    before.process(new Record<>("y", "a", t + 2_000));
    before.process(new Record<>("z", "b", t + 61_000));

    // a task that starts again on the restored store sends what the one before had counted
    context.resetForwards();
    MockProcessorContext<String, Long> restarted =
        new MockProcessorContext<>(config, new TaskId(0, 0), state.toFile());
    restarted.addStateStore(store);
    PartialCounts<String> after =
        new PartialCounts<>("pending", Duration.ofMinutes(1), r -> List.of(r.value()));
    after.init(restarted);
    restarted.scheduledPunctuators().stream()
        .filter(s -> s.getType() == PunctuationType.WALL_CLOCK_TIME)
        .findFirst()
        .orElseThrow()
        .getPunctuator()
        .punctuate(t + 100_000);

    List<KeyValue<String, Long>> sent =
        restarted.forwarded().stream()
            .map(
                f ->
                    KeyValue.pair(
                        f.record().key() + "@" + f.record().timestamp(), f.record().value()))
            .toList();
    assertEquals(
        List.of(KeyValue.pair("a@" + (t + 2_000), 2L), KeyValue.pair("b@" + (t + 61_000), 1L)),
        sent);
    try (KeyValueIterator<String, ValueAndTimestamp<Long>> it = store.all()) {
      assertTrue(!it.hasNext(), "what was sent is deleted");
    }
  }
}
