package io.wirewatch.it;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Produces and reads records the way wirewatch's users do: plain clients, committed records only.
 */
final class KafkaIO {

  private final String bootstrap;

  KafkaIO(String bootstrap) {
    this.bootstrap = bootstrap;
  }

  void produce(String topic, String key, byte[] value) throws Exception {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      producer
          .send(
              new ProducerRecord<>(
                  topic, key == null ? null : key.getBytes(StandardCharsets.UTF_8), value))
          .get();
    }
  }

  /** Sends many records through one producer, waiting for each to be acknowledged in order. */
  void produceAll(String topic, List<java.util.Map.Entry<String, String>> records)
      throws Exception {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
      for (var r : records) {
        sent.add(
            producer.send(
                new ProducerRecord<>(
                    topic,
                    r.getKey().getBytes(StandardCharsets.UTF_8),
                    r.getValue().getBytes(StandardCharsets.UTF_8))));
      }
      for (var f : sent) {
        f.get();
      }
    }
  }

  void produce(String topic, String key, String value) throws Exception {
    produce(topic, key, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
  }

  /** Every committed record of a topic now. */
  List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> c =
        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> parts = new ArrayList<>();
      c.partitionsFor(topic, Duration.ofSeconds(30))
          .forEach(i -> parts.add(new TopicPartition(topic, i.partition())));
      c.assign(parts);
      c.seekToBeginning(parts);
      var end = c.endOffsets(parts);
      long deadline = System.currentTimeMillis() + 30_000;
      while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))
          && System.currentTimeMillis() < deadline) {
        c.poll(Duration.ofMillis(200)).forEach(out::add);
      }
    }
    return out;
  }

  /** Waits until the committed records of a topic that pass the filter number at least n. */
  List<ConsumerRecord<byte[], byte[]>> awaitRecords(
      String topic, Predicate<ConsumerRecord<byte[], byte[]>> filter, int n, Duration timeout) {
    List<List<ConsumerRecord<byte[], byte[]>>> holder = new ArrayList<>();
    await()
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              List<ConsumerRecord<byte[], byte[]>> found =
                  readAll(topic).stream().filter(filter).toList();
              holder.clear();
              holder.add(found);
              return found.size() >= n;
            });
    return holder.get(0);
  }

  static String key(ConsumerRecord<byte[], byte[]> r) {
    return r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
  }

  static String value(ConsumerRecord<byte[], byte[]> r) {
    return r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8);
  }
}
