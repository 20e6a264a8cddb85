package io.wirewatch.kafka.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wirewatch.alert.RuleBook;
import io.wirewatch.app.Wirewatch;
import io.wirewatch.avro.EnrichedArticle;
import io.wirewatch.codec.JsonViews;
import io.wirewatch.config.WirewatchConfig;
import io.wirewatch.dedup.LowWatermark;
import io.wirewatch.kafka.StreamsSettings;
import io.wirewatch.kafka.Topics;
import io.wirewatch.kafka.WirewatchTopology;
import io.wirewatch.kafka.alert.RuleCatalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fingerprint inbox waits for every input partition: the production topology, whose one raw
 * partition goes idle between articles, and a second input partition played by hand through the
 * repartition topic, that runs behind.
 */
class WatermarkInboxTest {

  private static final Instant PUBLISHED = Instant.parse("2026-03-03T09:00:00Z");
  private static final String BODY =
      "The harbour authority said on Monday that container traffic would resume after a two-day "
          + "closure caused by high winds. Shipping lines had diverted vessels to nearby ports.";

  @TempDir Path state;

  @Test
  void shouldDecideACopyAfterItsOriginalWhenTheOriginalsPartitionRunsBehind() throws Exception {
    Properties p = new Properties();
    p.setProperty(WirewatchConfig.STATE_DIR.key(), state.toString());
    p.setProperty(WirewatchConfig.DEDUP_SETTLE_MS.key(), "100");
    WirewatchConfig config = WirewatchConfig.of(p);
    Properties streams = StreamsSettings.of(config);
    streams.put(StreamsConfig.APPLICATION_ID_CONFIG, "wirewatch-test");
    RuleCatalog rules = new RuleCatalog(new RuleBook());
    try (TopologyTestDriver driver =
        new TopologyTestDriver(
            WirewatchTopology.build(Wirewatch.stages(config, rules)),
            streams,
            PUBLISHED.plusSeconds(3600))) {
      TestInputTopic<byte[], byte[]> raw =
          driver.createInputTopic(
              Topics.RAW.name(), Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer());
      TestInputTopic<String, EnrichedArticle> bySource =
          driver.createInputTopic(
              "wirewatch-test-dedup-by-source-repartition",
              Serdes.String().serializer(),
              Topics.ENRICHED_AVRO.serializer());
      TestOutputTopic<String, EnrichedArticle> enriched =
          driver.createOutputTopic(
              Topics.ENRICHED.name(),
              Serdes.String().deserializer(),
              Topics.ENRICHED_AVRO.deserializer());

      // input partition 1 has come only to the original's publication time
      bySource.pipeInput(Watermarks.key(1, PUBLISHED.toEpochMilli()), null);
      raw.pipeInput(key("copy"), article("copy", "second.example", PUBLISHED.plusSeconds(60)));
      driver.advanceWallClockTime(Duration.ofSeconds(5));
      driver.advanceWallClockTime(Duration.ofSeconds(5));
      assertTrue(enriched.isEmpty(), "the copy must wait for input partition 1");

      raw.pipeInput(key("orig"), article("orig", "first.example", PUBLISHED));
      bySource.pipeInput(Watermarks.key(1, LowWatermark.IDLE), null);
      for (int i = 0; i < 4; i++) {
        driver.advanceWallClockTime(Duration.ofSeconds(5));
      }

      Map<String, String> verdicts =
          enriched.readValuesToList().stream()
              .collect(
                  Collectors.toMap(
                      EnrichedArticle::getId,
                      a -> a.getDedup().getStatus() + " " + a.getDedup().getCanonicalId()));
      assertEquals(Map.of("orig", "UNIQUE orig", "copy", "DUPLICATE orig"), verdicts);
    }
  }

  private static byte[] key(String id) {
    return id.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] article(String id, String source, Instant publishedAt) {
    var o = JsonViews.MAPPER.createObjectNode();
    o.put("id", id);
    o.put("source", source);
    o.put("publishedAt", publishedAt.toString());
    o.put("title", "Harbour reopens");
    o.put("body", BODY);
    return JsonViews.write(o).getBytes(StandardCharsets.UTF_8);
  }
}
