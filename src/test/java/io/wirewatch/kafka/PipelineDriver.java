package io.wirewatch.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirewatch.alert.RuleBook;
import io.wirewatch.app.Wirewatch;
import io.wirewatch.avro.EnrichedArticle;
import io.wirewatch.codec.JsonViews;
import io.wirewatch.config.WirewatchConfig;
import io.wirewatch.kafka.alert.RuleCatalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The production topology, built from the production stages, in a TopologyTestDriver. Public so
 * that fault tests can compute the output of an uninterrupted, strictly sequential run.
 */
public final class PipelineDriver implements AutoCloseable {

  final TopologyTestDriver driver;
  final RuleCatalog rules = new RuleCatalog(new RuleBook());
  final TestInputTopic<byte[], byte[]> raw;
  final TestInputTopic<String, String> ruleInput;
  final TestInputTopic<String, String> entityInput;
  final TestOutputTopic<byte[], byte[]> rejected;
  final TestOutputTopic<String, EnrichedArticle> enriched;
  final TestOutputTopic<String, String> alerts;
  final TestOutputTopic<String, String> dashboard;
  private Instant clock = Instant.parse("2026-03-03T10:00:00Z");

  public PipelineDriver(Path stateDir) throws Exception {
    this(stateDir, new Properties());
  }

  public PipelineDriver(Path stateDir, Properties overrides) throws Exception {
    Properties p = new Properties();
    p.setProperty(WirewatchConfig.STATE_DIR.key(), stateDir.toString());
    p.setProperty(WirewatchConfig.ALERT_DIGEST_MINUTES.key(), "1");
    p.putAll(overrides);
    WirewatchConfig config = WirewatchConfig.of(p);
    Properties streams = StreamsSettings.of(config);
    streams.put(StreamsConfig.APPLICATION_ID_CONFIG, "wirewatch-test");
    driver =
        new TopologyTestDriver(
            WirewatchTopology.build(Wirewatch.stages(config, rules)), streams, clock);
    raw =
        driver.createInputTopic(
            Topics.RAW.name(), Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer());
    ruleInput =
        driver.createInputTopic(
            Topics.ALERT_RULES.name(), Serdes.String().serializer(), Serdes.String().serializer());
    entityInput =
        driver.createInputTopic(
            Topics.ENTITIES.name(), Serdes.String().serializer(), Serdes.String().serializer());
    rejected =
        driver.createOutputTopic(
            Topics.REJECTED.name(),
            Serdes.ByteArray().deserializer(),
            Serdes.ByteArray().deserializer());
    enriched =
        driver.createOutputTopic(
            Topics.ENRICHED.name(),
            Serdes.String().deserializer(),
            Topics.ENRICHED_AVRO.deserializer());
    alerts =
        driver.createOutputTopic(
            Topics.ALERTS.name(), Serdes.String().deserializer(), Serdes.String().deserializer());
    dashboard =
        driver.createOutputTopic(
            Topics.DASHBOARD.name(),
            Serdes.String().deserializer(),
            Serdes.String().deserializer());
  }

  /** Pipes one article and lets the dedup settle time pass, so it is decided before the next. */
  public void article(String key, String json) {
    article(key, json, clock.plusSeconds(5));
  }

  /** Pipes one article received at the given time (which moves stream time there). */
  void article(String key, String json, Instant receivedAt) {
    article(key, json, receivedAt, Duration.ofSeconds(2));
  }

  /**
   * Pipes one article, then lets {@code settle} of wall-clock time pass: with a settle time
   * configured shorter than that, the article is decided before the next one comes in.
   */
  public void article(String key, String json, Duration settle) {
    article(key, json, clock.plusSeconds(5), settle);
  }

  private void article(String key, String json, Instant receivedAt, Duration settle) {
    clock = receivedAt;
    raw.pipeInput(
        new TestRecord<>(
            key == null ? null : key.getBytes(StandardCharsets.UTF_8),
            json == null ? null : json.getBytes(StandardCharsets.UTF_8),
            clock));
    // let the settle time pass twice, as it does between articles in production: once in the
    // fingerprint inbox, then in the index shards' inbox
    driver.advanceWallClockTime(settle);
    driver.advanceWallClockTime(settle);
  }

  void rule(String id, String json) {
    ruleInput.pipeInput(id, json);
  }

  public void advanceWallClock(Duration d) {
    driver.advanceWallClockTime(d);
  }

  public List<EnrichedArticle> enrichedArticles() {
    return enriched.readValuesToList();
  }

  List<JsonNode> alertList() throws Exception {
    List<JsonNode> out = new java.util.ArrayList<>();
    for (String s : alerts.readValuesToList()) {
      out.add(JsonViews.MAPPER.readTree(s));
    }
    return out;
  }

  static String article(String id, String source, String title, String body) {
    var o = JsonViews.MAPPER.createObjectNode();
    o.put("id", id);
    o.put("source", source);
    o.put("title", title);
    o.put("body", body);
    return JsonViews.write(o);
  }

  @Override
  public void close() {
    driver.close();
  }
}
