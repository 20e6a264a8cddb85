package io.wirewatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirewatch.app.Wirewatch;
import io.wirewatch.avro.Article;
import io.wirewatch.avro.EnrichedArticle;
import io.wirewatch.codec.AvroCodec;
import io.wirewatch.codec.JsonViews;
import io.wirewatch.config.WirewatchConfig;
import io.wirewatch.kafka.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The pipeline's promises, checked on a real broker. Subclasses say which broker; each run uses ids
 * of its own, so the tests share one broker without seeing each other's records.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PipelineContract {

  private static final AvroCodec<EnrichedArticle> ENRICHED =
      new AvroCodec<>(EnrichedArticle.getClassSchema());

  private Wirewatch app;
  private KafkaIO kafka;
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  abstract String bootstrapServers();

  @BeforeAll
  void startPipeline() throws Exception {
    Path state = Files.createTempDirectory("wirewatch-it-");
    Properties p = new Properties();
    p.setProperty(WirewatchConfig.BOOTSTRAP_SERVERS.key(), bootstrapServers());
    p.setProperty(WirewatchConfig.APPLICATION_ID.key(), "wirewatch-it-" + run);
    p.setProperty(WirewatchConfig.STATE_DIR.key(), state.toString());
    p.setProperty(WirewatchConfig.HTTP_PORT.key(), "0");
    p.setProperty(WirewatchConfig.TOPIC_PARTITIONS.key(), "2");
    app = Wirewatch.start(WirewatchConfig.of(p), false);
    app.awaitRunning(Duration.ofMinutes(2));
    kafka = new KafkaIO(bootstrapServers());
  }

  @AfterAll
  void stopPipeline() {
    if (app != null) {
      app.close();
    }
  }

  private String id(String name) {
    return run + "-" + name;
  }

  private static String article(String id, String source, String title, String body) {
    var o = JsonViews.MAPPER.createObjectNode();
    o.put("id", id);
    o.put("source", source);
    o.put("title", title);
    o.put("body", body);
    return JsonViews.write(o);
  }

  private Map<String, EnrichedArticle> enriched(List<String> ids) {
    return kafka
        .awaitRecords(
            Topics.ENRICHED.name(),
            r -> ids.contains(KafkaIO.key(r)),
            ids.size(),
            Duration.ofSeconds(90))
        .stream()
        .map(r -> decode(r.value()))
        .collect(Collectors.toMap(EnrichedArticle::getId, a -> a, (a, b) -> a));
  }

  private static EnrichedArticle decode(byte[] bytes) {
    try {
      return ENRICHED.decode(bytes);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void shouldEnrichJsonAndAvroArticlesAndRejectBadRecordsWithoutStopping() throws Exception {
    kafka.produce(Topics.RAW.name(), id("bad"), "{\"title\": \"no body\"}");
    kafka.produce(
        Topics.RAW.name(),
        id("json"),
        article(id("json"), "one.example", "Harbour reopens", "The harbour reopened on Monday."));
    Article avro =
        Article.newBuilder()
            .setId(id("avro"))
            .setSource("two.example")
            .setTitle("Rail line closed")
            .setBody("Engineers closed the rail line for repairs until Friday.")
            .build();
    kafka.produce(
        Topics.RAW.name(),
        id("avro"),
        new AvroCodec<Article>(Article.getClassSchema()).encode(avro));

    Map<String, EnrichedArticle> out = enriched(List.of(id("json"), id("avro")));
    assertEquals("UNIQUE", out.get(id("json")).getDedup().getStatus());
    assertEquals("Rail line closed", out.get(id("avro")).getTitle());

    List<ConsumerRecord<byte[], byte[]>> rejected =
        kafka.awaitRecords(
            Topics.REJECTED.name(),
            r -> id("bad").equals(KafkaIO.key(r)),
            1,
            Duration.ofSeconds(60));
    assertEquals(
        "MISSING_FIELD",
        new String(
            rejected.get(0).headers().lastHeader("ww.error.code").value(), StandardCharsets.UTF_8));
  }

  @Test
  void shouldAlertOncePerMatchingArticleAndOncePerStory() throws Exception {
    String every = id("every");
    String story = id("story");
    kafka.produce(
        Topics.ALERT_RULES.name(),
        every,
        "{\"id\":\""
            + every
            + "\",\"query\":\"lighthouse\",\"mode\":\"EVERY\",\"subscriber\":\""
            + run
            + "\"}");
    kafka.produce(
        Topics.ALERT_RULES.name(),
        story,
        "{\"id\":\""
            + story
            + "\",\"query\":\"lighthouse\",\"mode\":\"FIRST_PER_STORY\",\"subscriber\":\""
            + run
            + "\"}");
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> app.rules().book().get(story).isPresent());
    String body =
        "The old lighthouse on the northern cape will be restored with money raised by the village,"
            + " the council said on Tuesday after a vote that ended a decade of argument.";
    kafka.produce(
        Topics.RAW.name(), id("l1"), article(id("l1"), "a.example", "Lighthouse saved", body));
    kafka.produce(
        Topics.RAW.name(), id("l2"), article(id("l2"), "b.example", "Lighthouse saved", body));

    List<JsonNode> alerts =
        kafka
            .awaitRecords(
                Topics.ALERTS.name(), r -> run.equals(KafkaIO.key(r)), 3, Duration.ofSeconds(90))
            .stream()
            .map(r -> read(KafkaIO.value(r)))
            .toList();
    Thread.sleep(3000); // a late extra alert would be a defect too
    List<JsonNode> all =
        kafka.readAll(Topics.ALERTS.name()).stream()
            .filter(r -> run.equals(KafkaIO.key(r)))
            .map(r -> read(KafkaIO.value(r)))
            .toList();
    assertEquals(3, all.size(), all.toString());
    assertEquals(2, all.stream().filter(a -> a.get("ruleId").asText().equals(every)).count());
    assertEquals(1, all.stream().filter(a -> a.get("ruleId").asText().equals(story)).count());
    assertTrue(alerts.get(0).get("snippet").asText().contains("\u00AB"));
  }

  private static JsonNode read(String json) {
    try {
      return JsonViews.MAPPER.readTree(json);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
