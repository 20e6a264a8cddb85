package io.wirewatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirewatch.alert.AlertMode;
import io.wirewatch.alert.AlertRule;
import io.wirewatch.alert.MatchableArticle;
import io.wirewatch.alert.RuleBook;
import io.wirewatch.avro.EnrichedArticle;
import io.wirewatch.codec.JsonViews;
import io.wirewatch.codec.RuleJson;
import io.wirewatch.config.WirewatchConfig;
import io.wirewatch.dedup.ReutersArff;
import io.wirewatch.kafka.PipelineDriver;
import io.wirewatch.kafka.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.utils.Utils;

/**
 * A fault test's workload: Reuters texts made unique by an opening line (so dedup keeps them
 * apart), 30 EVERY rules of mixed kinds, and the alert set the rule book computes on its own.
 */
final class ReutersWorkload {

  private static final String[] QUERIES = {
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
    "corn NEAR/3 bushels",
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

  /** One (rule, article) alert. */
  record Pair(String ruleId, String articleId) implements Comparable<Pair> {
    @Override
    public int compareTo(Pair o) {
      int c = ruleId.compareTo(o.ruleId);
      return c != 0 ? c : articleId.compareTo(o.articleId);
    }
  }

  final List<AlertRule> rules = new ArrayList<>();
  final List<MatchableArticle> articles = new ArrayList<>();
  // before PipelineDriver's clock, so that no publication time is after its arrival there; 60 days
  // (20 story buckets of 3 days) before the date once used, so that the verdicts and stories stay
  // as they were
  private static final Instant START = Instant.parse("2026-01-31T00:00:00Z");

  /** More than the longest chain of copies a burst holds; a burst left undecided shows as such. */
  private static final int MAX_TICKS_PER_BURST = 1000;

  private final String prefix;

  ReutersWorkload(String prefix, int count) throws Exception {
    this.prefix = prefix;
    for (int i = 0; i < QUERIES.length; i++) {
      rules.add(
          new AlertRule(prefix + "-rule-" + i, QUERIES[i], AlertMode.EVERY, "desk-" + (i % 4)));
    }
    List<String> texts = ReutersArff.texts(ReutersArff.CORN_TRAIN);
    for (int i = 0; i < count; i++) {
      String body =
          "Bulletin number " + i + " of " + prefix + ".\n\n" + texts.get(i % texts.size());
      articles.add(
          new MatchableArticle(
              prefix + "-" + i, "Report " + i, body, "wire-" + (i % 7), "en", List.of()));
    }
  }

  static boolean available() {
    return Files.exists(ReutersArff.CORN_TRAIN);
  }

  void sendRules(KafkaIO kafka) throws Exception {
    List<Map.Entry<String, String>> batch = new ArrayList<>();
    for (AlertRule r : rules) {
      batch.add(Map.entry(r.id(), RuleJson.write(r)));
    }
    kafka.produceAll(Topics.ALERT_RULES.name(), batch);
  }

  /** Sends articles [from, to) in batches, published one second apart. */
  void sendArticles(KafkaIO kafka, int from, int to) throws Exception {
    List<Map.Entry<String, String>> batch = new ArrayList<>();
    for (int i = from; i < to; i++) {
      batch.add(Map.entry(articles.get(i).id(), json(i)));
      if (batch.size() == 250) {
        kafka.produceAll(Topics.RAW.name(), batch);
        batch.clear();
      }
    }
    kafka.produceAll(Topics.RAW.name(), batch);
  }

  /** Article i as its producer writes it: published one second after article i - 1. */
  private String json(int i) {
    MatchableArticle a = articles.get(i);
    var o = JsonViews.MAPPER.createObjectNode();
    o.put("id", a.id());
    o.put("source", a.source());
    o.put("language", "en");
    o.put("publishedAt", START.plusSeconds(i).toString());
    o.put("title", a.title());
    o.put("body", a.body());
    return JsonViews.write(o);
  }

  /**
   * The dedup verdicts of an uninterrupted run: the production topology in a TopologyTestDriver,
   * fed in publication order, each article decided (and its story recorded in the index) before the
   * next one comes in.
   */
  Map<String, String> uninterruptedVerdicts(Path stateDir) throws Exception {
    List<Integer> publicationOrder = new ArrayList<>();
    for (int i = 0; i < articles.size(); i++) {
      publicationOrder.add(i);
    }
    return verdictsInArrivalOrder(stateDir, publicationOrder, 1);
  }

  /**
   * The dedup verdicts when the articles (by index, publication times unchanged) reach the pipeline
   * in {@code arrival} order, {@code burst} at a time: the articles of one burst all reach the
   * index shards within their settle time, and the burst is decided before the next one comes in.
   */
  Map<String, String> verdictsInArrivalOrder(Path stateDir, List<Integer> arrival, int burst)
      throws Exception {
    Properties settings = new Properties();
    // a burst is decided once its settle time passes; a short one keeps the driver from running
    // every wall-clock punctuation of the dashboard between bursts
    settings.setProperty(WirewatchConfig.DEDUP_SETTLE_MS.key(), "1");
    try (PipelineDriver driver = new PipelineDriver(stateDir, settings)) {
      Map<String, String> out = new TreeMap<>();
      for (int n = 0; n < arrival.size(); n++) {
        int i = arrival.get(n);
        boolean endOfBurst = (n + 1) % burst == 0 || n + 1 == arrival.size();
        driver.article(articles.get(i).id(), json(i), Duration.ofMillis(endOfBurst ? 2 : 0));
        collect(driver, out);
        // an article whose story waits for an owner's is decided once the shard answers, which it
        // does in a wall-clock punctuation: one tick per link of a chain within the burst
        for (int tick = 0; endOfBurst && out.size() < n + 1 && tick < MAX_TICKS_PER_BURST; tick++) {
          driver.advanceWallClock(Duration.ofMillis(2));
          collect(driver, out);
        }
      }
      return out;
    }
  }

  private static void collect(PipelineDriver driver, Map<String, String> out) {
    for (EnrichedArticle a : driver.enrichedArticles()) {
      out.put(a.getId(), verdict(a));
    }
  }

  /**
   * An arrival order a consumer of the raw topic can see when the articles are produced {@code
   * block} at a time, as {@link #sendArticles} does: each block split over {@code partitions}
   * partitions by the producer's hash of the key, each partition in publication order, and the
   * partitions interleaved in chunks of 1 to {@code maxChunk} records.
   */
  List<Integer> partitionedArrival(int partitions, int maxChunk, int block, Random random) {
    List<Integer> arrival = new ArrayList<>();
    for (int from = 0; from < articles.size(); from += block) {
      List<ArrayDeque<Integer>> byPartition = new ArrayList<>();
      for (int p = 0; p < partitions; p++) {
        byPartition.add(new ArrayDeque<>());
      }
      int to = Math.min(articles.size(), from + block);
      for (int i = from; i < to; i++) {
        byte[] key = articles.get(i).id().getBytes(StandardCharsets.UTF_8);
        byPartition.get(Utils.toPositive(Utils.murmur2(key)) % partitions).add(i);
      }
      while (arrival.size() < to) {
        ArrayDeque<Integer> next = byPartition.get(random.nextInt(partitions));
        for (int c = 1 + random.nextInt(maxChunk); c > 0 && !next.isEmpty(); c--) {
          arrival.add(next.poll());
        }
      }
    }
    return arrival;
  }

  /** The verdicts found in news.articles.enriched (Avro), by article id. */
  Map<String, String> verdicts(List<ConsumerRecord<byte[], byte[]>> enriched) {
    Map<String, String> out = new TreeMap<>();
    for (ConsumerRecord<byte[], byte[]> r : enriched) {
      if (isMine(r)) {
        EnrichedArticle a = Topics.ENRICHED_AVRO.deserializer().deserialize(r.topic(), r.value());
        out.put(a.getId(), verdict(a));
      }
    }
    return out;
  }

  /** Status, canonical id and story id: everything dedup decides about an article. */
  private static String verdict(EnrichedArticle a) {
    return a.getDedup().getStatus()
        + " canonical="
        + a.getDedup().getCanonicalId()
        + " story="
        + a.getDedup().getStoryId();
  }

  Set<Pair> expectedAlerts() throws Exception {
    Set<Pair> expected = new TreeSet<>();
    try (RuleBook book = new RuleBook()) {
      book.putAll(rules);
      for (MatchableArticle a : articles) {
        book.match(a).forEach(m -> expected.add(new Pair(m.rule().id(), a.id())));
      }
    }
    return expected;
  }

  boolean isMine(ConsumerRecord<byte[], byte[]> r) {
    String key = KafkaIO.key(r);
    return key != null && key.startsWith(prefix + "-");
  }

  /** Asserts every article once in enriched, and exactly the expected alerts, none repeated. */
  void assertExactlyOnce(
      List<ConsumerRecord<byte[], byte[]>> enriched, List<ConsumerRecord<byte[], byte[]>> alerts)
      throws Exception {
    List<String> ids = enriched.stream().filter(this::isMine).map(KafkaIO::key).toList();
    assertEquals(articles.size(), ids.size(), "enriched records");
    assertEquals(articles.size(), new HashSet<>(ids).size(), "distinct enriched articles");
    List<Pair> got = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> r : alerts) {
      JsonNode a = JsonViews.MAPPER.readTree(r.value());
      if (a.get("ruleId").asText().startsWith(prefix + "-rule-")) {
        got.add(new Pair(a.get("ruleId").asText(), a.get("articleId").asText()));
      }
    }
    assertEquals(got.size(), new HashSet<>(got).size(), "an alert was repeated");
    assertEquals(
        expectedAlerts(), new TreeSet<>(got), "alerts differ from the rule book's matches");
  }
}
