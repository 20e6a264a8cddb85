package io.wirewatch.kafka.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettleInboxTest {

  private static final Instant T0 = Instant.parse("2026-03-03T10:00:00Z");

  @TempDir Path state;

  /** Holds values keyed by their event time; hands them on, throwing on the value "bad". */
  private static final class Holder implements Processor<String, String, String, String> {
    private ProcessorContext<String, String> context;
    private SettleInbox<String> inbox;

    @Override
    public void init(ProcessorContext<String, String> context) {
      this.context = context;
      this.inbox =
          SettleInbox.open(
              context,
              "inbox",
              "watermarks",
              Duration.ofMillis(100),
              Duration.ZERO,
              (claimed, now) -> handOver(claimed.value));
    }

    private void handOver(String value) {
      if (value.equals("bad")) {
        throw new IllegalArgumentException("cannot hand over " + value);
      }
      context.forward(new Record<>(value, value, 0L));
    }

    @Override
    public void process(Record<String, String> record) {
      long now = context.currentSystemTimeMs();
      if (Watermarks.isWatermark(record.key(), record.value())) {
        inbox.watermark(Watermarks.input(record.key()), Watermarks.watermark(record.key()), now);
        return;
      }
      inbox.put(SettleInbox.key(record.timestamp(), record.key()), record.value(), now);
    }
  }

  private static Topology topology() {
    Topology t = new Topology();
    t.addSource("in", Serdes.String().deserializer(), Serdes.String().deserializer(), "in");
    t.addProcessor("holder", Holder::new, "in");
    t.addSink("out", "out", Serdes.String().serializer(), Serdes.String().serializer(), "holder");
    t.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore("inbox"), Serdes.String(), Serdes.String()),
        "holder");
    t.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore("watermarks"), Serdes.String(), Serdes.Long()),
        "holder");
    return t;
  }

  @Test
  void shouldHandOverTheRestOfAReleasedBatchWhenOneHandOverThrows() {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "settle-inbox-test");
    p.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
    p.put(
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
        LogAndContinueProcessingExceptionHandler.class);
    try (TopologyTestDriver driver = new TopologyTestDriver(topology(), p, T0)) {
      TestInputTopic<String, String> in =
          driver.createInputTopic("in", Serdes.String().serializer(), Serdes.String().serializer());
      TestOutputTopic<String, String> out =
          driver.createOutputTopic(
              "out", Serdes.String().deserializer(), Serdes.String().deserializer());
      long t = T0.toEpochMilli();
      // input 0 holds everything back until its watermark passes all three
      in.pipeInput(Watermarks.key(0, t), null, t);
      in.pipeInput("1", "first", t + 1);
      in.pipeInput("2", "bad", t + 2);
      in.pipeInput("3", "third", t + 3);
      in.pipeInput(Watermarks.key(0, t + 10), null, t + 10);

      assertEquals(List.of("first", "third"), out.readValuesToList());
      KeyValueStore<String, String> inbox = driver.getKeyValueStore("inbox");
      try (var left = inbox.all()) {
        assertFalse(left.hasNext(), "the failed record must not stay in front");
      }
    }
  }
}
