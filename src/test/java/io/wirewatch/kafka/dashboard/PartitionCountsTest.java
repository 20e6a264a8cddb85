package io.wirewatch.kafka.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartitionCountsTest {

  private static final Instant T0 = Instant.parse("2026-03-03T21:00:00Z");
  private static final Duration DAY = Duration.ofDays(1);
  private static final Duration GRACE = Duration.ofMinutes(5);

  @TempDir Path state;

  /** Counts per value and day: running counts per partition, added up after a repartition. */
  private static Topology topology() {
    StreamsBuilder b = new StreamsBuilder();
    b.addStateStore(PartitionCounts.store("partition-counts"));
    b.addStateStore(PartitionSums.store("sums"));
    b.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
        .process(
            () ->
                new PartitionCounts<String>(
                    "partition-counts", DAY, GRACE, Duration.ofDays(2), 4, r -> List.of(r.value())),
            "partition-counts")
        .repartition(
            Repartitioned.with(Serdes.String(), Serdes.String())
                .withNumberOfPartitions(4)
                .withStreamPartitioner(PartitionBatches.partitioner()))
        .process(
            () ->
                new PartitionSums(
                    "sums",
                    DAY,
                    Duration.ofDays(2),
                    (d, start, end, n) ->
                        KeyValue.pair(d + "@" + Instant.ofEpochMilli(start), "" + n)),
            "sums")
        .to("out", Produced.with(Serdes.String(), Serdes.String()));
    return b.build();
  }

  @Test
  void shouldCountEveryRecordExactlyOverManyIntervalsAndDays() {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "partition-counts-test");
    p.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
    try (TopologyTestDriver d = new TopologyTestDriver(topology(), p, T0)) {
      TestInputTopic<String, String> in =
          d.createInputTopic("in", Serdes.String().serializer(), Serdes.String().serializer());
      TestOutputTopic<String, String> out =
          d.createOutputTopic(
              "out", Serdes.String().deserializer(), Serdes.String().deserializer());
      Random random = new Random(11);
      Map<String, String> expected = new TreeMap<>();
      Map<String, Long> counted = new TreeMap<>();
      long t = T0.toEpochMilli();
      for (int i = 0; i < 4000; i++) {
        // six hours across midnight, some records up to two minutes late (within the grace)
        t += random.nextInt(10_000);
        long ts = random.nextInt(8) == 0 ? t - random.nextInt(120_000) : t;
        String rule = "rule/r" + random.nextInt(30);
        in.pipeInput("k" + i, rule, Instant.ofEpochMilli(ts));
        String key = rule + "@" + Instant.ofEpochMilli(ts - Math.floorMod(ts, DAY.toMillis()));
        counted.merge(key, 1L, Long::sum);
        expected.put(key, "" + counted.get(key));
        if (random.nextInt(25) == 0) {
          d.advanceWallClockTime(Duration.ofMillis(200 + random.nextInt(2000)));
        }
      }
      d.advanceWallClockTime(Duration.ofSeconds(1));
      d.advanceWallClockTime(Duration.ofSeconds(1));

      List<KeyValue<String, String>> sent = out.readKeyValuesToList();
      Map<String, String> latest = new TreeMap<>();
      sent.forEach(kv -> latest.put(kv.key, kv.value));
      assertTrue(expected.keySet().stream().anyMatch(k -> k.endsWith("2026-03-04T00:00:00Z")));
      assertEquals(expected, latest);
      assertTrue(sent.size() < 4000 / 2, "far fewer updates than records: " + sent.size());
    }
  }

  @Test
  void shouldAddUpTheCountsOfSeveralPartitionsAndTakeARepeatedCountOnce() {
    MockProcessorContext<String, String> context = context();
    KeyValueStore<String, String> store =
        PartitionSums.store("sums").withLoggingDisabled().withCachingDisabled().build();
    store.init(context.getStateStoreContext(), store);
    context.addStateStore(store);
    PartitionSums sums =
        new PartitionSums(
            "sums", DAY, Duration.ofDays(2), (d, s, e, n) -> KeyValue.pair(d, "" + n));
    sums.init(context);
    long t = T0.toEpochMilli();
    // a rule moved to another subscriber has alerts in two partitions
    sums.process(new Record<>("rule/a", "0:5", t));
    sums.process(new Record<>("rule/a", "2:3", t + 1));
    // a task that restarted sends its count again
    sums.process(new Record<>("rule/a", "0:5", t + 2));
    punctuate(context, t);
    punctuate(context, t + 1000);
    assertEquals(
        List.of(KeyValue.pair("rule/a", "8")),
        context.forwarded().stream()
            .map(f -> KeyValue.pair(f.record().key(), f.record().value()))
            .toList());
  }

  @Test
  void shouldSendEveryCountInTheStoreAfterARestart() {
    MockProcessorContext<String, String> context = context();
    KeyValueStore<String, Long> store =
        PartitionCounts.store("partition-counts")
            .withLoggingDisabled()
            .withCachingDisabled()
            .build();
    store.init(context.getStateStoreContext(), store);
    context.addStateStore(store);
    long t = T0.toEpochMilli();
    PartitionCounts<String> before =
        new PartitionCounts<>("partition-counts", DAY, GRACE, DAY, 1, r -> List.of(r.value()));
    before.init(context);
    before.process(new Record<>("x", "rule/a", t));
    before.process(new Record<>("y", "rule/a", t + 1));
    before.process(new Record<>("z", "rule/b", t + 2));

    // the task dies before its next send; the one that takes over finds the counts in the store
    MockProcessorContext<String, String> restarted = context();
    restarted.addStateStore(store);
    PartitionCounts<String> after =
        new PartitionCounts<>("partition-counts", DAY, GRACE, DAY, 1, r -> List.of(r.value()));
    after.init(restarted);
    punctuate(restarted, t + 5000);
    long day = t - Math.floorMod(t, DAY.toMillis());
    assertEquals(1, restarted.forwarded().size(), "one partition downstream: one record");
    var sent = restarted.forwarded().get(0).record();
    assertEquals("rule/a", sent.key());
    assertEquals(day, sent.timestamp());
    assertEquals(
        new CountBatch(
            0,
            List.of(
                new CountBatch.Count("rule/a", day, 2), new CountBatch.Count("rule/b", day, 1))),
        CountBatch.decode(sent.value()));
  }

  @Test
  void shouldSendOneRecordPerDownstreamPartitionKeyedToReachIt() {
    MockProcessorContext<String, String> context = context();
    KeyValueStore<String, Long> store =
        PartitionCounts.store("partition-counts")
            .withLoggingDisabled()
            .withCachingDisabled()
            .build();
    store.init(context.getStateStoreContext(), store);
    context.addStateStore(store);
    long t = T0.toEpochMilli();
    PartitionCounts<String> counts =
        new PartitionCounts<>("partition-counts", DAY, GRACE, DAY, 4, r -> List.of(r.value()));
    counts.init(context);
    punctuate(context, t);
    for (int i = 0; i < 40; i++) {
      counts.process(new Record<>("k" + i, "rule/r" + (i % 20), t + i));
    }
    punctuate(context, t + 1000);

    Map<Integer, Integer> perPartition = new TreeMap<>();
    for (var f : context.forwarded()) {
      int partition = PartitionBatches.partitionOf(f.record().key(), 4);
      for (CountBatch.Count c : CountBatch.decode(f.record().value()).counts()) {
        assertEquals(partition, PartitionBatches.partitionOf(c.dimension(), 4));
        assertEquals(2, c.count());
        perPartition.merge(partition, 1, Integer::sum);
      }
    }
    assertEquals(20, perPartition.values().stream().mapToInt(Integer::intValue).sum());
    assertEquals(perPartition.size(), context.forwarded().size());
  }

  @Test
  void shouldKeepARecordWithinTheByteBudgetWhateverTheRuleIdsLength() {
    MockProcessorContext<String, String> context = context();
    KeyValueStore<String, Long> store =
        PartitionCounts.store("partition-counts")
            .withLoggingDisabled()
            .withCachingDisabled()
            .build();
    store.init(context.getStateStoreContext(), store);
    context.addStateStore(store);
    long t = T0.toEpochMilli();
    PartitionCounts<String> counts =
        new PartitionCounts<>("partition-counts", DAY, GRACE, DAY, 1, r -> List.of(r.value()));
    counts.init(context);
    punctuate(context, t);
    // 40 rule ids of 50 KB in UTF-8 (2 MB of counts, one partition), which the cap of 5,000 counts
    // alone would send as one record
    for (int i = 0; i < 40; i++) {
      counts.process(new Record<>("k" + i, "rule/" + i + "-" + "é".repeat(25_000), t + i));
    }
    punctuate(context, t + 1000);

    int sent = 0;
    for (var f : context.forwarded()) {
      int bytes = f.record().value().getBytes(StandardCharsets.UTF_8).length;
      // the budget, plus the batch's own {"partition":0,"counts":[]}
      assertTrue(bytes <= PartitionBatches.MAX_BYTES + 64, "a record of " + bytes + " bytes");
      sent += CountBatch.decode(f.record().value()).counts().size();
    }
    assertEquals(40, sent);
    assertTrue(context.forwarded().size() >= 8, "" + context.forwarded().size());
  }

  @Test
  void shouldRefuseANonPositivePartitionCount() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new PartitionCounts<String>("c", DAY, GRACE, DAY, 0, r -> List.of()));
    assertTrue(e.getMessage().contains("partitions"), e.getMessage());
  }

  @Test
  void shouldAddUpBatchesFromSeveralPartitions() {
    MockProcessorContext<String, String> context = context();
    KeyValueStore<String, String> store =
        PartitionSums.store("sums").withLoggingDisabled().withCachingDisabled().build();
    store.init(context.getStateStoreContext(), store);
    context.addStateStore(store);
    PartitionSums sums =
        new PartitionSums(
            "sums", DAY, Duration.ofDays(2), (d, s, e, n) -> KeyValue.pair(d + "@" + s, "" + n));
    sums.init(context);
    long t = T0.toEpochMilli();
    long day = t - Math.floorMod(t, DAY.toMillis());
    long yesterday = day - DAY.toMillis();
    sums.process(
        new Record<>(
            "rule/a",
            new CountBatch(
                    0,
                    List.of(
                        new CountBatch.Count("rule/a", day, 5),
                        new CountBatch.Count("rule/b", yesterday, 7)))
                .encode(),
            day));
    sums.process(
        new Record<>(
            "rule/a",
            new CountBatch(2, List.of(new CountBatch.Count("rule/a", day, 3))).encode(),
            day));
    punctuate(context, t);
    Map<String, String> sent = new TreeMap<>();
    context.forwarded().forEach(f -> sent.put(f.record().key(), f.record().value()));
    assertEquals(Map.of("rule/a@" + day, "8", "rule/b@" + yesterday, "7"), sent);
  }

  private MockProcessorContext<String, String> context() {
    return new MockProcessorContext<>(new Properties(), new TaskId(0, 0), state.toFile());
  }

  private static void punctuate(MockProcessorContext<String, String> context, long now) {
    context.scheduledPunctuators().stream()
        .filter(s -> s.getType() == PunctuationType.WALL_CLOCK_TIME)
        .findFirst()
        .orElseThrow()
        .getPunctuator()
        .punctuate(now);
  }
}
