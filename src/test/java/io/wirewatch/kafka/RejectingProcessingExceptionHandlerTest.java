package io.wirewatch.kafka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RejectingProcessingExceptionHandlerTest {

  @TempDir Path state;

  /** A stage that throws on one record: the record is rejected, the ones after it go on. */
  @Test
  void shouldRejectTheRecordAStageFailsOnWithItsBytesAndGoOn() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
        .mapValues(
            v -> {
              if (v.contains("boom")) {
                throw new IllegalStateException("cannot digest " + v);
              }
              return v.toUpperCase();
            })
        .to("out", Produced.with(Serdes.String(), Serdes.String()));
    Properties p = StreamsSettings.of(io.wirewatch.config.WirewatchConfig.of(new Properties()));
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "rejecting-handler-test");
    p.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), p)) {
      TestInputTopic<String, String> in =
          driver.createInputTopic("in", Serdes.String().serializer(), Serdes.String().serializer());
      TestOutputTopic<String, String> out =
          driver.createOutputTopic(
              "out", Serdes.String().deserializer(), Serdes.String().deserializer());
      TestOutputTopic<byte[], byte[]> rejected =
          driver.createOutputTopic(
              Topics.REJECTED.name(),
              Serdes.ByteArray().deserializer(),
              Serdes.ByteArray().deserializer());

      in.pipeInput("a", "first");
      in.pipeInput("b", "boom goes the stage");
      in.pipeInput("c", "third");

      assertEquals(List.of("FIRST", "THIRD"), out.readValuesToList());
      List<TestRecord<byte[], byte[]>> refused = rejected.readRecordsToList();
      assertEquals(1, refused.size());
      TestRecord<byte[], byte[]> r = refused.get(0);
      assertArrayEquals(utf8("b"), r.key());
      assertArrayEquals(utf8("boom goes the stage"), r.value());
      assertEquals("PROCESSING_ERROR", header(r, "ww.error.code"));
      assertTrue(
          header(r, "ww.error.message").contains("IllegalStateException: cannot digest boom"),
          header(r, "ww.error.message"));
      assertEquals("in-0@1", header(r, "ww.error.source"));
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String header(TestRecord<byte[], byte[]> r, String name) {
    return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
