package io.wirewatch.kafka.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * How many records each topic received between two moments: the sum of its partitions' end offsets.
 * Under exactly-once every committed transaction also leaves one marker per partition it wrote to,
 * and markers take an offset too, so the figures slightly over-count small flows.
 */
public final class TopicTally {

  private final String bootstrap;

  public TopicTally(String bootstrap) {
    this.bootstrap = bootstrap;
  }

  /** Every topic's summed end offsets now. */
  public Map<String, Long> endOffsets() throws Exception {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrap);
    try (Admin admin = Admin.create(p)) {
      var names = admin.listTopics().names().get();
      Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames().get();
      Map<TopicPartition, OffsetSpec> ask = new HashMap<>();
      topics.forEach(
          (name, d) ->
              d.partitions()
                  .forEach(
                      i -> ask.put(new TopicPartition(name, i.partition()), OffsetSpec.latest())));
      Map<String, Long> sums = new TreeMap<>();
      admin
          .listOffsets(ask)
          .all()
          .get()
          .forEach((tp, info) -> sums.merge(tp.topic(), info.offset(), Long::sum));
      return sums;
    }
  }

  /** Every topic's summed end offsets once nothing grew, and when the last growth was seen. */
  public record Quiet(Map<String, Long> offsets, long lastGrowthNanos) {}

  /**
   * Waits until no topic grows for {@code quiet} (or {@code max} has passed), so stages that trail
   * the articles (dashboard counts) are counted too.
   */
  public Quiet endOffsetsOnceQuiet(Duration quiet, Duration max) throws Exception {
    long deadline = System.nanoTime() + max.toNanos();
    Map<String, Long> last = endOffsets();
    long stableSince = System.nanoTime();
    while (System.nanoTime() - stableSince < quiet.toNanos() && System.nanoTime() < deadline) {
      Thread.sleep(500);
      Map<String, Long> now = endOffsets();
      if (!now.equals(last)) {
        last = now;
        stableSince = System.nanoTime();
      }
    }
    return new Quiet(last, stableSince);
  }

  /** Records per article written to each topic from {@code before} to {@code after}. */
  public static Map<String, Double> perArticle(
      Map<String, Long> before, Map<String, Long> after, int articles) {
    return after.entrySet().stream()
        .filter(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L) > 0)
        .collect(
            Collectors.toMap(
                Map.Entry::getKey,
                e -> (e.getValue() - before.getOrDefault(e.getKey(), 0L)) / (double) articles,
                (a, b) -> a,
                TreeMap::new));
  }
}
