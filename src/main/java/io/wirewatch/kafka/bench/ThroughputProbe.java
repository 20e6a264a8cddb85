package io.wirewatch.kafka.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * Feeds records into an input topic and watches an output topic with a {@code read_committed}
 * consumer: end-to-end throughput, and latency from the record's timestamp (set when produced) to
 * the moment the committed output is read.
 */
public final class ThroughputProbe {

  /** What one run measured. */
  public record Measured(
      int records, double seconds, double perSecond, double p50Ms, double p99Ms, double maxMs) {}

  private final String bootstrap;

  public ThroughputProbe(String bootstrap) {
    this.bootstrap = bootstrap;
  }

  /**
   * Produces every value (keyed as given) at most {@code ratePerSecond} (0: as fast as possible)
   * and waits until {@code expected} records reach the output topic.
   */
  public Measured run(
      String input,
      List<byte[]> keys,
      List<byte[]> values,
      String output,
      int expected,
      double ratePerSecond,
      Duration timeout)
      throws Exception {
    try (KafkaConsumer<byte[], byte[]> consumer = consumerAtEnd(output);
        KafkaProducer<byte[], byte[]> producer = producer()) {
      long start = System.nanoTime();
      long startMillis = System.currentTimeMillis();
      List<Future<RecordMetadata>> sent = new ArrayList<>(values.size());
      long[] latencies = new long[expected];
      int seen = 0;
      long deadline = start + timeout.toNanos();
      for (int i = 0; i < values.size(); i++) {
        if (ratePerSecond > 0) {
          long due = start + (long) (i * 1e9 / ratePerSecond);
          while (System.nanoTime() < due) {
            seen = drain(consumer, latencies, seen, Duration.ofMillis(1));
          }
        }
        sent.add(
            producer.send(
                new ProducerRecord<>(
                    input, null, System.currentTimeMillis(), keys.get(i), values.get(i))));
        if (i % 200 == 0) {
          seen = drain(consumer, latencies, seen, Duration.ZERO);
        }
      }
      producer.flush();
      for (Future<RecordMetadata> f : sent) {
        f.get();
      }
      while (seen < expected && System.nanoTime() < deadline) {
        seen = drain(consumer, latencies, seen, Duration.ofMillis(100));
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      if (seen < expected) {
        throw new IllegalStateException(
            "only " + seen + " of " + expected + " records reached " + output + " in " + timeout);
      }
      long[] sorted = Arrays.copyOf(latencies, seen);
      Arrays.sort(sorted);
      return new Measured(
          seen,
          seconds,
          seen / seconds,
          percentile(sorted, 0.50),
          percentile(sorted, 0.99),
          sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
    }
  }

  private static int drain(
      KafkaConsumer<byte[], byte[]> consumer, long[] latencies, int seen, Duration wait) {
    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(wait)) {
      if (seen < latencies.length) {
        latencies[seen] = System.currentTimeMillis() - r.timestamp();
      }
      seen++;
    }
    return seen;
  }

  static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private KafkaConsumer<byte[], byte[]> consumerAtEnd(String topic) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
    KafkaConsumer<byte[], byte[]> c =
        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> parts = new ArrayList<>();
    c.partitionsFor(topic, Duration.ofSeconds(30))
        .forEach(i -> parts.add(new TopicPartition(topic, i.partition())));
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
