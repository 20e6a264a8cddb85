package io.wirewatch.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wirewatch.broker.EmbeddedKafkaBroker;
import io.wirewatch.codec.JsonViews;
import io.wirewatch.kafka.Topics;
import io.wirewatch.kafka.alert.SentAlert;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * Exactly once across crashes: the pipeline runs in a child JVM that is killed with SIGKILL three
 * times at random points while articles stream in, then restarted on the same state. Read with
 * read_committed, every article appears once in news.articles.enriched and every (rule, article)
 * alert once in news.alerts, exactly the set the rule book computes on its own; the dashboard's
 * alert counts by rule and by subscriber come to those alerts.
 */
class CrashRecoveryIT {

  private static final int ARTICLES = 5000;
  private static final int KILLS = 3;

  @Test
  void shouldDeliverEveryArticleAndAlertExactlyOnceAcrossThreeKills() throws Exception {
    assumeTrue(ReutersWorkload.available(), "needs Debian's weka package (Reuters texts)");
    ReutersWorkload work = new ReutersWorkload("crash", ARTICLES);
    Path dir = Files.createTempDirectory("wirewatch-crash-");
    try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dir.resolve("kafka"), 0).start()) {
      Path config =
          ChildPipeline.writeConfig(
              dir, broker.bootstrapServers(), "wirewatch-crash", dir.resolve("state").toString());
      Path log = dir.resolve("child.log");
      KafkaIO kafka = new KafkaIO(broker.bootstrapServers());
      Process child = ChildPipeline.start(config, log);
      List<ConsumerRecord<byte[], byte[]>> enriched;
      List<ConsumerRecord<byte[], byte[]>> alerts;
      int expectedAlerts = work.expectedAlerts().size();
      try {
        work.sendRules(kafka);
        Thread feeder =
            new Thread(
                () -> {
                  try {
                    work.sendArticles(kafka, 0, ARTICLES);
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                },
                "feeder");
        feeder.start();
        Random random = new Random(42);
        for (int kill = 1; kill <= KILLS; kill++) {
          int target = ARTICLES * kill / (KILLS + 1) + random.nextInt(ARTICLES / 10);
          kafka.awaitRecords(Topics.ENRICHED.name(), r -> true, target, Duration.ofMinutes(4));
          child.destroyForcibly().waitFor();
          child = ChildPipeline.start(config, log);
        }
        feeder.join();
        enriched =
            kafka.awaitRecords(Topics.ENRICHED.name(), r -> true, ARTICLES, Duration.ofMinutes(5));
        await()
            .atMost(Duration.ofMinutes(4))
            .pollInterval(Duration.ofSeconds(2))
            .until(() -> kafka.readAll(Topics.ALERTS.name()).size() >= expectedAlerts);
        alerts = kafka.readAll(Topics.ALERTS.name());
        awaitDashboardCounts(kafka, alerts);
      } finally {
        child.destroyForcibly().waitFor();
      }

      work.assertExactlyOnce(enriched, alerts);
      assertTrue(expectedAlerts > ARTICLES / 2, "the rules should match often: " + expectedAlerts);
      long referenceStart = System.nanoTime();
      Map<String, String> reference = work.uninterruptedVerdicts(dir.resolve("reference"));
      System.out.printf(
          "uninterrupted reference computed in %d s%n",
          Duration.ofNanos(System.nanoTime() - referenceStart).toSeconds());
      assertSameVerdicts(reference, work.verdicts(enriched));
    }
  }

  /**
   * The dashboard's alert counts by rule and by subscriber, summed over their days, must come to
   * the alerts on news.alerts (each counted by its key, and by its rule header if it has one):
   * counted exactly once through the kills, as an uninterrupted run counts them. They trail the
   * alerts by a few seconds.
   */
  private static void awaitDashboardCounts(
      KafkaIO kafka, List<ConsumerRecord<byte[], byte[]>> alerts) {
    Map<String, Long> expected = new TreeMap<>();
    for (ConsumerRecord<byte[], byte[]> r : alerts) {
      expected.merge("subscriber/" + KafkaIO.key(r), 1L, Long::sum);
      Header rule = r.headers().lastHeader(SentAlert.RULE_HEADER);
      if (rule != null) {
        expected.merge("rule/" + new String(rule.value(), StandardCharsets.UTF_8), 1L, Long::sum);
      }
    }
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(() -> assertEquals(expected, dashboardAlertCounts(kafka)));
  }

  /** The latest count of each alerts/day key, summed over the days per rule or subscriber. */
  private static Map<String, Long> dashboardAlertCounts(KafkaIO kafka) throws Exception {
    Map<String, Long> latest = new TreeMap<>();
    for (ConsumerRecord<byte[], byte[]> r : kafka.readAll(Topics.DASHBOARD.name())) {
      String key = KafkaIO.key(r);
      if (key != null && key.startsWith("alerts/day/") && r.value() != null) {
        latest.put(key, JsonViews.MAPPER.readTree(r.value()).get("count").asLong());
      }
    }
    Map<String, Long> sums = new TreeMap<>();
    latest.forEach(
        (key, n) ->
            sums.merge(key.substring("alerts/day/".length(), key.lastIndexOf('/')), n, Long::sum));
    return sums;
  }

  /**
   * Status and canonical id must match the uninterrupted run, but for at most 2% of the articles:
   * an order effect that needs no crash can still tell a few apart (README, Guarantees). Deciding
   * articles before their shard replies came, the bug this caught, changed 47%. Where those match,
   * the story id must match too: the verdict step waits for the stories of the owners that could
   * change an article's, so a later article's lookup no longer races its owner's verdict (31 to 39
   * of 5,000 differed in story id alone before). At most 0.2% may still differ: an article whose
   * status the order effect changed passes its story on to those that join through it.
   */
  private static void assertSameVerdicts(Map<String, String> expected, Map<String, String> got) {
    List<String> differ = new ArrayList<>();
    List<String> storiesDiffer = new ArrayList<>();
    for (var e : expected.entrySet()) {
      String after = got.get(e.getKey());
      String line = e.getKey() + ": " + e.getValue() + " | after kills: " + after;
      if (!withoutStory(e.getValue()).equals(withoutStory(after))) {
        differ.add(line);
      } else if (!e.getValue().equals(after)) {
        storiesDiffer.add(line);
      }
    }
    long copies = expected.values().stream().filter(v -> !v.startsWith("UNIQUE")).count();
    System.out.printf(
        "verdicts: %d articles, %d copies, %d differ in status or canonical id, %d in story id"
            + " only%n",
        expected.size(), copies, differ.size(), storiesDiffer.size());
    differ.stream().limit(20).forEach(d -> System.out.println("  differs: " + d));
    storiesDiffer.stream().limit(20).forEach(d -> System.out.println("  story differs: " + d));
    assertTrue(copies > 0, "the workload should hold copies");
    assertTrue(
        differ.size() <= expected.size() / 50,
        differ.size()
            + " of "
            + expected.size()
            + " verdicts differ ("
            + copies
            + " copies), e.g. "
            + differ.subList(0, Math.min(20, differ.size())));
    assertTrue(
        storiesDiffer.size() <= expected.size() / 500,
        storiesDiffer.size()
            + " verdicts differ in story id only, e.g. "
            + storiesDiffer.subList(0, Math.min(20, storiesDiffer.size())));
  }

  private static String withoutStory(String verdict) {
    return verdict == null ? null : verdict.substring(0, verdict.indexOf(" story="));
  }
}
