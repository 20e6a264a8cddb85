package io.wirewatch.kafka.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.TimestampedWindowStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CountThrottleTest {

  private static final Instant T0 = Instant.parse("2026-03-03T10:00:10Z");

  @TempDir Path state;

  private static Topology topology() {
    StreamsBuilder b = new StreamsBuilder();
    b.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
        .groupByKey(Grouped.with(Serdes.String(), Serdes.String()))
        .windowedBy(TimeWindows.ofSizeWithNoGrace(Duration.ofMinutes(1)))
        .count(Materialized.<String, Long, WindowStore<Bytes, byte[]>>as("counts"))
        .toStream()
        .process(
            () ->
                new CountThrottle(
                    "counts",
                    (w, n) ->
                        KeyValue.pair(
                            w.key() + "/" + Instant.ofEpochMilli(w.window().start()), "" + n)),
            "counts")
        .to("out", Produced.with(Serdes.String(), Serdes.String()));
    return b.build();
  }

  private TopologyTestDriver driver() {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "count-throttle-test");
    p.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
    return new TopologyTestDriver(topology(), p, T0);
  }

  @Test
  void shouldSendTheLatestCountOfEachChangedWindowOncePerInterval() {
    try (TopologyTestDriver d = driver()) {
      TestInputTopic<String, String> in =
          d.createInputTopic("in", Serdes.String().serializer(), Serdes.String().serializer());
      TestOutputTopic<String, String> out =
          d.createOutputTopic(
              "out", Serdes.String().deserializer(), Serdes.String().deserializer());
      in.pipeInput("a", "x", T0);
      in.pipeInput("b", "x", T0);
      d.advanceWallClockTime(Duration.ofSeconds(1));
      // the first flush of a task sends everything the count store holds
      assertEquals(
          Map.of("a/2026-03-03T10:00:00Z", "1", "b/2026-03-03T10:00:00Z", "1"),
          out.readKeyValuesToMap());

      in.pipeInput("a", "x", T0.plusSeconds(1));
      in.pipeInput("a", "x", T0.plusSeconds(2));
      assertEquals(List.of(), out.readKeyValuesToList(), "nothing before the interval is up");
      d.advanceWallClockTime(Duration.ofSeconds(1));
      // a changed three times in the second: its latest count, once; b did not change
      assertEquals(
          List.of(KeyValue.pair("a/2026-03-03T10:00:00Z", "3")), out.readKeyValuesToList());

      d.advanceWallClockTime(Duration.ofSeconds(1));
      assertEquals(List.of(), out.readKeyValuesToList(), "nothing changed, nothing sent");
    }
  }

  /**
   * A task that starts again finds its counts restored from the changelog while the updates that
   * waited in memory are gone: its first flush sends every window the store holds.
   */
  @Test
  void shouldSendEveryCountInTheStoreAtTheFirstFlushAfterAStart() {
    MockProcessorContext<String, String> context = new MockProcessorContext<>();
    TimestampedWindowStore<String, Long> store =
        Stores.timestampedWindowStoreBuilder(
                Stores.inMemoryWindowStore(
                    "counts", Duration.ofDays(1), Duration.ofMinutes(1), false),
                Serdes.String(),
                Serdes.Long())
            .withLoggingDisabled()
            .withCachingDisabled()
            .build();
    store.init(context.getStateStoreContext(), store);
    context.addStateStore(store);
    long window = Instant.parse("2026-03-03T10:00:00Z").toEpochMilli();
    store.put("a", ValueAndTimestamp.make(2L, window + 1000), window);
    store.put("b", ValueAndTimestamp.make(5L, window + 2000), window);

    CountThrottle throttle =
        new CountThrottle("counts", (w, n) -> KeyValue.pair(w.key(), Long.toString(n)));
    throttle.init(context);
    assertEquals(List.of(), context.forwarded());
    context.scheduledPunctuators().get(0).getPunctuator().punctuate(window + 60_000);

    Map<String, String> sent = new TreeMap<>();
    context.forwarded().forEach(f -> sent.put(f.record().key(), f.record().value()));
    assertEquals(Map.of("a", "2", "b", "5"), sent);

    context.resetForwards();
    context.scheduledPunctuators().get(0).getPunctuator().punctuate(window + 61_000);
    assertEquals(List.of(), context.forwarded(), "then only what changes");
  }
}
