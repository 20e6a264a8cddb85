package io.wirewatch.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirewatch.alert.AlertRule;
import io.wirewatch.app.RulesFile;
import io.wirewatch.codec.JsonViews;
import io.wirewatch.codec.RuleJson;
import io.wirewatch.config.Home;
import io.wirewatch.config.WirewatchConfig;
import io.wirewatch.kafka.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The demo's own data: rules from {@code config/alert-rules.yaml} and articles from {@code
 * config/samples/articles.jsonl}, each written once, when its topic is still empty, so a restart on
 * the same data directory repeats nothing.
 */
final class SampleData {

  static final Path ARTICLES = Home.resolve("config/samples/articles.jsonl");

  private SampleData() {}

  static void bootstrapRules(WirewatchConfig config) throws Exception {
    io.wirewatch.kafka.TopicAdmin.ensureTopics(
        config.kafkaProperties(),
        config.get(WirewatchConfig.TOPIC_PARTITIONS),
        config.get(WirewatchConfig.TOPIC_REPLICATION).shortValue());
    if (!isEmpty(config.kafkaProperties(), Topics.ALERT_RULES.name())) {
      return;
    }
    List<AlertRule> rules = RulesFile.read(Home.resolve(config.get(WirewatchConfig.RULES_FILE)));
    try (KafkaProducer<String, String> p =
        new KafkaProducer<>(
            producerProperties(config), new StringSerializer(), new StringSerializer())) {
      for (AlertRule r : rules) {
        p.send(new ProducerRecord<>(Topics.ALERT_RULES.name(), r.id(), RuleJson.write(r)));
      }
    }
  }

  /** Feeds the sample articles, published a few minutes apart and ending now. */
  static int feedArticles(WirewatchConfig config) throws Exception {
    if (!Files.exists(ARTICLES) || !isEmpty(config.kafkaProperties(), Topics.RAW.name())) {
      return 0;
    }
    List<String> lines =
        Files.readAllLines(ARTICLES, StandardCharsets.UTF_8).stream()
            .filter(l -> !l.isBlank())
            .toList();
    Instant start =
        Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(3L * lines.size()));
    int fed = 0;
    try (KafkaProducer<String, byte[]> p =
        new KafkaProducer<>(
            producerProperties(config), new StringSerializer(), new ByteArraySerializer())) {
      for (String line : lines) {
        ObjectNode article = (ObjectNode) JsonViews.MAPPER.readTree(line);
        article.put("publishedAt", start.plus(Duration.ofMinutes(3L * fed)).toString());
        String id = article.path("id").asText(null);
        p.send(
            new ProducerRecord<>(
                Topics.RAW.name(), id, JsonViews.write(article).getBytes(StandardCharsets.UTF_8)));
        fed++;
        Thread.sleep(150);
      }
    }
    return fed;
  }

  static boolean isEmpty(Properties clients, String topic) throws Exception {
    try (Admin admin = Admin.create(clients)) {
      var partitions =
          admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
      var request = new java.util.HashMap<TopicPartition, OffsetSpec>();
      for (var p : partitions) {
        request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest());
      }
      return admin.listOffsets(request).all().get().values().stream()
          .allMatch(o -> o.offset() == 0);
    }
  }

  static Properties producerProperties(WirewatchConfig config) throws IOException {
    Properties p = new Properties();
    p.putAll(config.kafkaProperties());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
    return p;
  }
}
