package io.wirewatch.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirewatch.alert.AlertMode;
import io.wirewatch.alert.AlertRule;
import io.wirewatch.alert.MatchableArticle;
import io.wirewatch.alert.RuleBook;
import io.wirewatch.avro.EnrichedArticle;
import io.wirewatch.broker.EmbeddedKafkaBroker;
import io.wirewatch.codec.AvroCodec;
import io.wirewatch.codec.JsonViews;
import io.wirewatch.codec.RuleJson;
import io.wirewatch.dedup.ReutersArff;
import io.wirewatch.kafka.Topics;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Exactly once across crashes: the pipeline runs in a child JVM that is killed with SIGKILL three
 * times at random points while articles stream in, then restarted on the same state. Read with
 * read_committed, every article appears once in news.articles.enriched and every (rule, article)
 * alert once in news.alerts, exactly the set the rule book computes on its own.
 */
class CrashRecoveryIT {

  private static final int ARTICLES = 5000;
  private static final int KILLS = 3;
  private static final AvroCodec<EnrichedArticle> ENRICHED =
      new AvroCodec<>(EnrichedArticle.getClassSchema());
  private static final String[] WORDS = {
    "corn",
    "wheat",
    "sorghum",
    "soybeans",
    "tonnes",
    "export*",
    "import*",
    "subsid*",
    "drought",
    "usda",
    "china",
    "ussr",
    "\"grain reserve\"",
    "\"export enhancement\"",
    "farmers",
    "acreage",
    "barley",
    "\"corn NEAR/3 bushels\"",
    "sugar",
    "rain",
    "harvest",
    "cargo*",
    "price*",
    "ec",
    "japan",
    "argentina",
    "\"world bank\"",
    "rice",
    "oats",
    "loan*"
  };

  @Test
  void shouldDeliverEveryArticleAndAlertExactlyOnceAcrossThreeKills() throws Exception {
    assumeTrue(Files.exists(ReutersArff.CORN_TRAIN), "needs Debian's weka package (Reuters texts)");
    Path dir = Files.createTempDirectory("wirewatch-crash-");
    List<AlertRule> rules = rules();
    List<MatchableArticle> articles = articles();
    try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dir.resolve("kafka"), 0).start()) {
      Path config = writeConfig(dir, broker.bootstrapServers());
      KafkaIO kafka = new KafkaIO(broker.bootstrapServers());
      Process child = startChild(config, dir);
      for (AlertRule r : rules) {
        kafka.produce(Topics.ALERT_RULES.name(), r.id(), RuleJson.write(r));
      }
      Thread feeder = new Thread(() -> feed(kafka, articles), "feeder");
      feeder.start();
      Random random = new Random(42);
      for (int kill = 1; kill <= KILLS; kill++) {
        int target = ARTICLES * kill / (KILLS + 1) + random.nextInt(ARTICLES / 10);
        awaitEnriched(kafka, target, Duration.ofMinutes(4));
        child.destroyForcibly().waitFor();
        child = startChild(config, dir);
      }
      feeder.join();
      List<ConsumerRecord<byte[], byte[]>> enriched =
          awaitEnriched(kafka, ARTICLES, Duration.ofMinutes(5));
      Set<Pair> expected = expectedAlerts(rules, articles);
      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofSeconds(2))
          .until(() -> kafka.readAll(Topics.ALERTS.name()).size() >= expected.size());
      List<ConsumerRecord<byte[], byte[]>> alerts = kafka.readAll(Topics.ALERTS.name());
      child.destroy();
      child.waitFor();

      List<String> ids = enriched.stream().map(KafkaIO::key).toList();
      assertEquals(ARTICLES, ids.size(), "enriched records");
      assertEquals(ARTICLES, new HashSet<>(ids).size(), "distinct enriched articles");
      List<Pair> got = new ArrayList<>();
      for (ConsumerRecord<byte[], byte[]> r : alerts) {
        JsonNode a = JsonViews.MAPPER.readTree(r.value());
        got.add(new Pair(a.get("ruleId").asText(), a.get("articleId").asText()));
      }
      assertEquals(got.size(), new HashSet<>(got).size(), "an alert was repeated");
      assertEquals(expected, new TreeSet<>(got), "alerts differ from the rule book's own matches");
      assertTrue(
          expected.size() > ARTICLES / 2, "the rules should match often: " + expected.size());
    }
  }

  private record Pair(String ruleId, String articleId) implements Comparable<Pair> {
    @Override
    public int compareTo(Pair o) {
      int c = ruleId.compareTo(o.ruleId);
      return c != 0 ? c : articleId.compareTo(o.articleId);
    }
  }

  private static List<AlertRule> rules() {
    List<AlertRule> out = new ArrayList<>();
    for (int i = 0; i < WORDS.length; i++) {
      String query = WORDS[i].startsWith("\"corn NEAR") ? "corn NEAR/3 bushels" : WORDS[i];
      out.add(new AlertRule("crash-" + i, query, AlertMode.EVERY, "desk-" + (i % 4)));
    }
    return out;
  }

  /** Reuters texts, each made unique by its own opening line so dedup does not merge them. */
  private static List<MatchableArticle> articles() throws Exception {
    List<String> texts = ReutersArff.texts(ReutersArff.CORN_TRAIN);
    List<MatchableArticle> out = new ArrayList<>();
    for (int i = 0; i < ARTICLES; i++) {
      String body =
          "Bulletin number " + i + " of the crash test.\n\n" + texts.get(i % texts.size());
      out.add(
          new MatchableArticle(
              "crash-" + i, "Report " + i, body, "wire-" + (i % 7), "en", List.of()));
    }
    return out;
  }

  private static Set<Pair> expectedAlerts(List<AlertRule> rules, List<MatchableArticle> articles)
      throws Exception {
    Set<Pair> expected = new TreeSet<>();
    try (RuleBook book = new RuleBook()) {
      book.putAll(rules);
      for (MatchableArticle a : articles) {
        book.match(a).forEach(m -> expected.add(new Pair(m.rule().id(), a.id())));
      }
    }
    return expected;
  }

  private static void feed(KafkaIO kafka, List<MatchableArticle> articles) {
    try {
      Instant start = Instant.parse("2026-04-01T00:00:00Z");
      List<Map.Entry<String, String>> batch = new ArrayList<>();
      for (int i = 0; i < articles.size(); i++) {
        MatchableArticle a = articles.get(i);
        var o = JsonViews.MAPPER.createObjectNode();
        o.put("id", a.id());
        o.put("source", a.source());
        o.put("language", "en");
        o.put("publishedAt", start.plusSeconds(i).toString());
        o.put("title", a.title());
        o.put("body", a.body());
        batch.add(Map.entry(a.id(), JsonViews.write(o)));
        if (batch.size() == 250) {
          kafka.produceAll(Topics.RAW.name(), batch);
          batch.clear();
        }
      }
      kafka.produceAll(Topics.RAW.name(), batch);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<ConsumerRecord<byte[], byte[]>> awaitEnriched(
      KafkaIO kafka, int n, Duration timeout) {
    return kafka.awaitRecords(Topics.ENRICHED.name(), r -> true, n, timeout);
  }

  private static Path writeConfig(Path dir, String bootstrap) throws Exception {
    Path file = dir.resolve("wirewatch.properties");
    Files.writeString(
        file,
        String.join(
            "\n",
            "bootstrap.servers=" + bootstrap,
            "application.id=wirewatch-crash",
            "state.dir=" + dir.resolve("state"),
            "wirewatch.topics.partitions=2",
            "wirewatch.http.port=0",
            ""));
    return file;
  }

  private static Process startChild(Path config, Path dir) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx1g");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("io.wirewatch.cli.Main");
    cmd.add("run");
    cmd.add("--config");
    cmd.add(config.toString());
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("child.log").toFile()));
    Process p = pb.start();
    File log = dir.resolve("child.log").toFile();
    long lines =
        Files.readAllLines(log.toPath()).stream().filter(l -> l.startsWith("READY")).count();
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              if (!p.isAlive()) {
                throw new IllegalStateException("child exited: " + Files.readString(log.toPath()));
              }
              return Files.readAllLines(log.toPath()).stream()
                      .filter(l -> l.startsWith("READY"))
                      .count()
                  > lines;
            });
    return p;
  }
}
