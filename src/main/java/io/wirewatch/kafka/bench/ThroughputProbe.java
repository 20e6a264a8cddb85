package io.wirewatch.kafka.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirewatch.codec.JsonViews;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Feeds articles into an input topic and watches the outputs with a {@code read_committed}
 * consumer: the output topic (one record per article, keyed by its id) and, optionally, the alerts
 * topic (JSON naming its {@code articleId}). An article is through when its output and every alert
 * it raised can be read; its latency runs from the moment it was handed to the producer to then.
 * Throughput counts up to the last output record read, so alerts that trail the articles count.
 */
public final class ThroughputProbe {

  /**
   * Once every article is out, alerts still arriving within this quiet period belong to the run.
   */
  static final Duration ALERT_QUIET = Duration.ofSeconds(2);

  /**
   * What one run measured: articles through, alerts read, latency per article (to its last output),
   * and the output topic's own latency for comparison.
   */
  public record Measured(
      int records,
      long alerts,
      double seconds,
      double perSecond,
      double p50Ms,
      double p99Ms,
      double maxMs,
      double outputP50Ms,
      double outputP99Ms) {}

  private final String bootstrap;

  public ThroughputProbe(String bootstrap) {
    this.bootstrap = bootstrap;
  }

  /**
   * Produces every value (keyed by article id) at most {@code ratePerSecond} (0: as fast as
   * possible) and waits until each article reached {@code output} and, if {@code alerts} is not
   * null, until that topic has been quiet for {@link #ALERT_QUIET}.
   */
  public Measured run(
      String input,
      List<byte[]> keys,
      List<byte[]> values,
      String output,
      String alerts,
      double ratePerSecond,
      Duration timeout)
      throws Exception {
    Watch watch = new Watch(output, values.size());
    List<String> topics = alerts == null ? List.of(output) : List.of(output, alerts);
    try (KafkaConsumer<byte[], byte[]> consumer = consumerAtEnd(topics);
        KafkaProducer<byte[], byte[]> producer = producer()) {
      long start = System.nanoTime();
      long deadline = start + timeout.toNanos();
      List<Future<RecordMetadata>> sent = new ArrayList<>(values.size());
      for (int i = 0; i < values.size(); i++) {
        if (ratePerSecond > 0) {
          long due = start + (long) (i * 1e9 / ratePerSecond);
          while (System.nanoTime() < due) {
            watch.drain(consumer, Duration.ofMillis(1));
          }
        }
        watch.sent(new String(keys.get(i), StandardCharsets.UTF_8), System.currentTimeMillis());
        sent.add(producer.send(new ProducerRecord<>(input, keys.get(i), values.get(i))));
        if (i % 200 == 0) {
          watch.drain(consumer, Duration.ZERO);
        }
      }
      producer.flush();
      for (Future<RecordMetadata> f : sent) {
        f.get();
      }
      while (watch.outputs < values.size() && System.nanoTime() < deadline) {
        watch.drain(consumer, Duration.ofMillis(100));
      }
      if (watch.outputs < values.size()) {
        throw new IllegalStateException(
            "only "
                + watch.outputs
                + " of "
                + values.size()
                + " articles reached "
                + output
                + " in "
                + timeout);
      }
      if (alerts != null) {
        while (System.nanoTime() - watch.lastReadNanos < ALERT_QUIET.toNanos()
            && System.nanoTime() < deadline) {
          watch.drain(consumer, Duration.ofMillis(100));
        }
      }
      double seconds = (watch.lastReadNanos - start) / 1e9;
      long[] perArticle = watch.articleLatencies();
      long[] outputOnly = watch.outputLatencies();
      return new Measured(
          values.size(),
          watch.alerts,
          seconds,
          values.size() / seconds,
          percentile(perArticle, 0.50),
          percentile(perArticle, 0.99),
          perArticle.length == 0 ? 0 : perArticle[perArticle.length - 1],
          percentile(outputOnly, 0.50),
          percentile(outputOnly, 0.99));
    }
  }

  /** What has been sent and read so far. */
  private static final class Watch {
    private final String output;
    private final Map<String, Long> sentAt;
    private final Map<String, Long> outputAt;
    private final Map<String, Long> lastAt;
    private int outputs;
    private long alerts;
    private long lastReadNanos;

    Watch(String output, int articles) {
      this.output = output;
      this.sentAt = new HashMap<>(articles * 2);
      this.outputAt = new HashMap<>(articles * 2);
      this.lastAt = new HashMap<>(articles * 2);
    }

    void sent(String articleId, long millis) {
      sentAt.put(articleId, millis);
    }

    void drain(KafkaConsumer<byte[], byte[]> consumer, Duration wait) {
      for (ConsumerRecord<byte[], byte[]> r : consumer.poll(wait)) {
        long now = System.currentTimeMillis();
        lastReadNanos = System.nanoTime();
        String articleId;
        if (r.topic().equals(output)) {
          articleId = r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
          if (articleId != null && sentAt.containsKey(articleId)) {
            if (outputAt.putIfAbsent(articleId, now) == null) {
              outputs++;
            }
          }
        } else {
          alerts++;
          articleId = alertArticleId(r.value());
        }
        if (articleId != null && sentAt.containsKey(articleId)) {
          lastAt.merge(articleId, now, Math::max);
        }
      }
    }

    long[] articleLatencies() {
      return sortedLatencies(lastAt);
    }

    long[] outputLatencies() {
      return sortedLatencies(outputAt);
    }

    private long[] sortedLatencies(Map<String, Long> readAt) {
      return readAt.entrySet().stream()
          .mapToLong(e -> e.getValue() - sentAt.get(e.getKey()))
          .sorted()
          .toArray();
    }
  }

  private static String alertArticleId(byte[] json) {
    try {
      JsonNode id = JsonViews.MAPPER.readTree(json).get("articleId");
      return id == null ? null : id.asText();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private KafkaConsumer<byte[], byte[]> consumerAtEnd(List<String> topics) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
    KafkaConsumer<byte[], byte[]> c =
        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> parts = new ArrayList<>();
    for (String topic : topics) {
      c.partitionsFor(topic, Duration.ofSeconds(30))
          .forEach(i -> parts.add(new TopicPartition(topic, i.partition())));
    }
    c.assign(parts);
    c.seekToEnd(parts);
    parts.forEach(c::position);
    return c;
  }

  private KafkaProducer<byte[], byte[]> producer() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
  }
}
