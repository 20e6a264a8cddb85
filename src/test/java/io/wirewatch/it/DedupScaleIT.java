package io.wirewatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wirewatch.app.Wirewatch;
import io.wirewatch.article.Article;
import io.wirewatch.avro.EnrichedArticle;
import io.wirewatch.broker.EmbeddedKafkaBroker;
import io.wirewatch.codec.AvroCodec;
import io.wirewatch.codec.JsonViews;
import io.wirewatch.config.WirewatchConfig;
import io.wirewatch.dedup.CopyMaker;
import io.wirewatch.dedup.DedupSettings;
import io.wirewatch.dedup.DedupStatus;
import io.wirewatch.dedup.InMemoryDedupIndex;
import io.wirewatch.dedup.ReutersArff;
import io.wirewatch.dedup.Verdict;
import io.wirewatch.kafka.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Dedup verdicts do not depend on partitioning: the same articles give the same verdicts on one
 * partition with one instance as on four partitions shared by two instances.
 */
class DedupScaleIT {

  private static final Instant START = Instant.parse("2026-02-02T08:00:00Z");
  private static final AvroCodec<EnrichedArticle> ENRICHED =
      new AvroCodec<>(EnrichedArticle.getClassSchema());

  private record Item(String id, String source, Instant publishedAt, String body) {}

  @Test
  void shouldGiveTheSameVerdictsOnFourPartitionsAndTwoInstancesAsOnOne() throws Exception {
    assumeTrue(Files.exists(ReutersArff.CORN_TRAIN), "needs Debian's weka package (Reuters texts)");
    List<Item> originals = distinctOriginals(24);
    List<Item> copies = copiesOf(originals);

    Map<String, String> one = verdicts(1, 1, List.of(originals, copies));
    Map<String, String> four = verdicts(4, 2, List.of(originals, copies));

    assertEquals(originals.size() + copies.size(), one.size());
    assertEquals(one, four);
    long found = copies.stream().filter(c -> !one.get(c.id()).startsWith("UNIQUE")).count();
    assertTrue(
        found >= copies.size() - 2, "copies found: " + found + " of " + copies.size() + " " + one);
  }

  /**
   * Originals and copies sent together, every copy before the article it copies: the settle time
   * ({@code wirewatch.dedup.settle.ms}) must still sort the lookups into publication order, so the
   * verdicts are those of the articles taken one by one in event-time order.
   */
  @Test
  void shouldDecideABurstInPublicationOrderOnFourPartitionsAndTwoInstances() throws Exception {
    assumeTrue(Files.exists(ReutersArff.CORN_TRAIN), "needs Debian's weka package (Reuters texts)");
    List<Item> originals = distinctOriginals(24);
    List<Item> copies = copiesOf(originals);
    List<Item> burst = new ArrayList<>(copies);
    burst.addAll(originals);

    Map<String, String> four = verdicts(4, 2, List.of(burst));

    InMemoryDedupIndex inOrder = new InMemoryDedupIndex(DedupSettings.defaults());
    Map<String, String> expected = new TreeMap<>();
    burst.stream()
        .sorted(Comparator.comparing(Item::publishedAt).thenComparing(Item::id))
        .forEach(
            i -> {
              Verdict v = inOrder.accept(asArticle(i));
              expected.put(i.id(), v.status() + " " + v.canonicalId());
            });
    assertEquals(expected, four);
  }

  /** Reuters texts that are not copies of one another, so their verdicts cannot depend on order. */
  private static List<Item> distinctOriginals(int n) throws Exception {
    InMemoryDedupIndex check = new InMemoryDedupIndex(DedupSettings.defaults());
    List<Item> out = new ArrayList<>();
    int i = 0;
    for (String text : ReutersArff.texts(ReutersArff.CORN_TRAIN)) {
      if (out.size() == n) {
        break;
      }
      if (text.length() < 600) {
        continue;
      }
      Item item =
          new Item("orig-" + i, "wire-" + (i % 3) + ".example", START.plusSeconds(60L * i), text);
      i++;
      if (check.accept(asArticle(item)).status() == DedupStatus.UNIQUE) {
        out.add(item);
      }
    }
    return out;
  }

  private static List<Item> copiesOf(List<Item> originals) {
    CopyMaker maker = new CopyMaker(new Random(7));
    CopyMaker.Edit[] edits = CopyMaker.Edit.values();
    List<Item> out = new ArrayList<>();
    for (int i = 0; i < originals.size(); i += 2) {
      Item o = originals.get(i);
      out.add(
          new Item(
              "copy-" + i,
              "reprint-" + (i % 4) + ".example",
              o.publishedAt().plus(Duration.ofHours(2)),
              maker.copy(o.body(), edits[(i / 2) % edits.length], i % 4)));
    }
    return out;
  }

  private static Article asArticle(Item item) {
    return new Article(
        item.id(),
        null,
        item.source(),
        item.publishedAt(),
        "en",
        null,
        item.body(),
        List.of(),
        item.publishedAt(),
        List.of());
  }

  /**
   * Runs the pipeline on a broker of its own, sending each wave once the one before is enriched;
   * returns id to "STATUS canonicalId".
   */
  private static Map<String, String> verdicts(int partitions, int instances, List<List<Item>> waves)
      throws Exception {
    Path dir = Files.createTempDirectory("wirewatch-scale-");
    try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dir.resolve("kafka"), 0).start()) {
      List<Wirewatch> apps = new ArrayList<>();
      try {
        for (int i = 0; i < instances; i++) {
          Properties p = new Properties();
          p.setProperty(WirewatchConfig.BOOTSTRAP_SERVERS.key(), broker.bootstrapServers());
          p.setProperty(WirewatchConfig.APPLICATION_ID.key(), "wirewatch-scale");
          p.setProperty(WirewatchConfig.STATE_DIR.key(), dir.resolve("state-" + i).toString());
          p.setProperty(WirewatchConfig.TOPIC_PARTITIONS.key(), String.valueOf(partitions));
          p.setProperty("num.stream.threads", "1");
          String settle = System.getProperty(WirewatchConfig.DEDUP_SETTLE_MS.key());
          if (settle != null) {
            p.setProperty(WirewatchConfig.DEDUP_SETTLE_MS.key(), settle);
          }
          apps.add(Wirewatch.start(WirewatchConfig.of(p), false));
        }
        for (Wirewatch app : apps) {
          app.awaitRunning(Duration.ofMinutes(2));
        }
        KafkaIO kafka = new KafkaIO(broker.bootstrapServers());
        int sent = 0;
        List<ConsumerRecord<byte[], byte[]>> enriched = List.of();
        for (List<Item> wave : waves) {
          produce(kafka, wave);
          sent += wave.size();
          enriched =
              kafka.awaitRecords(Topics.ENRICHED.name(), r -> true, sent, Duration.ofMinutes(2));
        }
        Map<String, String> out = new TreeMap<>();
        for (var r : enriched) {
          EnrichedArticle a = ENRICHED.decode(r.value());
          out.put(a.getId(), a.getDedup().getStatus() + " " + a.getDedup().getCanonicalId());
        }
        return out;
      } finally {
        apps.forEach(Wirewatch::close);
      }
    }
  }

  /** Sends the items in order through one producer, so that a wave reaches the broker at once. */
  private static void produce(KafkaIO kafka, List<Item> items) throws Exception {
    List<Map.Entry<String, String>> records = new ArrayList<>();
    for (Item item : items) {
      var o = JsonViews.MAPPER.createObjectNode();
      o.put("id", item.id());
      o.put("source", item.source());
      o.put("publishedAt", item.publishedAt().toString());
      o.put("body", item.body());
      records.add(Map.entry(item.id(), JsonViews.write(o)));
    }
    kafka.produceAll(Topics.RAW.name(), records);
  }
}
