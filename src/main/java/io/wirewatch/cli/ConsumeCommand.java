package io.wirewatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirewatch.avro.Article;
import io.wirewatch.avro.EnrichedArticle;
import io.wirewatch.codec.AvroCodec;
import io.wirewatch.codec.JsonViews;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * {@code wirewatch consume}: prints any wirewatch topic as JSON lines, whatever its wire format,
 * reading committed records only; stops after {@code --max} records or {@code --timeout} seconds of
 * silence.
 */
final class ConsumeCommand {

  private static final AvroCodec<EnrichedArticle> ENRICHED =
      new AvroCodec<>(EnrichedArticle.getClassSchema());
  private static final AvroCodec<Article> ARTICLE = new AvroCodec<>(Article.getClassSchema());

  private ConsumeCommand() {}

  static int run(String[] argv) throws Exception {
    Args args =
        new Args(
            argv,
            1,
            Set.of("bootstrap-servers", "topic", "max", "timeout"),
            Set.of("from-beginning"));
    if (!args.has("bootstrap-servers") || !args.has("topic")) {
      throw new Args.UsageException("consume needs --bootstrap-servers H:P and --topic T");
    }
    String topic = args.get("topic", "");
    int max = args.getInt("max", Integer.MAX_VALUE);
    long silenceMillis = args.getInt("timeout", 10) * 1000L;
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args.get("bootstrap-servers", ""));
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    int printed = 0;
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      consumer
          .partitionsFor(topic, Duration.ofSeconds(30))
          .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
      if (partitions.isEmpty()) {
        throw new IllegalArgumentException("no such topic: " + topic);
      }
      consumer.assign(partitions);
      if (args.has("from-beginning")) {
        consumer.seekToBeginning(partitions);
      } else {
        consumer.seekToEnd(partitions);
      }
      long lastRecordAt = System.currentTimeMillis();
      while (printed < max && System.currentTimeMillis() - lastRecordAt < silenceMillis) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          System.out.println(render(r));
          lastRecordAt = System.currentTimeMillis();
          if (++printed >= max) {
            break;
          }
        }
      }
    }
    System.out.flush();
    return 0;
  }

  static String render(ConsumerRecord<byte[], byte[]> r) {
    byte[] v = r.value();
    if (v != null && AvroCodec.hasMagic(v)) {
      try {
        return JsonViews.write(JsonViews.enriched(ENRICHED.decode(v)));
      } catch (Exception notEnriched) {
        try {
          return ARTICLE.decode(v).toString();
        } catch (Exception notArticle) {
          return wrap(r, "undecodable Avro record");
        }
      }
    }
    if (v != null) {
      try {
        JsonNode node = JsonViews.MAPPER.readTree(v);
        if (node != null && node.isObject() && r.headers().toArray().length == 0) {
          return JsonViews.write(node);
        }
      } catch (Exception notJson) {
        // printed wrapped below
      }
    }
    return wrap(r, null);
  }

  /**
   * Records that are not a JSON object by themselves (rejected ones, say): key, headers and value.
   */
  private static String wrap(ConsumerRecord<byte[], byte[]> r, String note) {
    ObjectNode o = JsonViews.MAPPER.createObjectNode();
    o.put("key", r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8));
    ObjectNode headers = o.putObject("headers");
    for (Header h : r.headers()) {
      headers.put(
          h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
    }
    o.put("value", r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8));
    if (note != null) {
      o.put("note", note);
    }
    return JsonViews.write(o);
  }
}
