package io.wirewatch.cli;

import io.wirewatch.alert.AlertMode;
import io.wirewatch.alert.AlertRule;
import io.wirewatch.alert.RuleBook;
import io.wirewatch.codec.RuleJson;
import io.wirewatch.kafka.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code wirewatch rules list|add|remove}: reads and writes {@code news.alert-rules}. {@code add}
 * parses the query first and refuses a bad one with the parser's message, so nothing invalid is
 * written.
 */
final class RulesCommand {

  private RulesCommand() {}

  static int run(String[] argv) throws Exception {
    if (argv.length < 2) {
      throw new Args.UsageException("rules needs list, add or remove");
    }
    Args args =
        new Args(
            argv, 2, Set.of("bootstrap-servers", "id", "query", "mode", "subscriber"), Set.of());
    if (!args.has("bootstrap-servers")) {
      throw new Args.UsageException("rules needs --bootstrap-servers H:P");
    }
    String servers = args.get("bootstrap-servers", "");
    return switch (argv[1]) {
      case "list" -> list(servers);
      case "add" -> add(servers, args);
      case "remove" -> remove(servers, args);
      default -> throw new Args.UsageException("rules needs list, add or remove, not " + argv[1]);
    };
  }

  private static int add(String servers, Args args) throws Exception {
    if (!args.has("id") || !args.has("query")) {
      throw new Args.UsageException(
          "rules add needs --id ID --query QUERY [--mode EVERY|FIRST_PER_STORY|DIGEST] [--subscriber S]");
    }
    AlertMode mode;
    try {
      mode = AlertMode.valueOf(args.get("mode", "EVERY").toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new Args.UsageException("--mode must be EVERY, FIRST_PER_STORY or DIGEST");
    }
    AlertRule rule =
        new AlertRule(
            args.get("id", ""), args.get("query", ""), mode, args.get("subscriber", "default"));
    try (RuleBook book = new RuleBook()) {
      Optional<String> problem = book.check(rule);
      if (problem.isPresent()) {
        System.err.println("rule " + rule.id() + " refused: " + problem.get());
        return 1;
      }
    }
    send(servers, rule.id(), RuleJson.write(rule));
    System.out.println(RuleJson.write(rule));
    return 0;
  }

  private static int remove(String servers, Args args) throws Exception {
    List<String> ids = new ArrayList<>(args.positional());
    if (args.has("id")) {
      ids.add(args.get("id", ""));
    }
    if (ids.isEmpty()) {
      throw new Args.UsageException("rules remove needs --id ID");
    }
    for (String id : ids) {
      send(servers, id, null);
    }
    return 0;
  }

  private static int list(String servers) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    Map<String, String> latest = new LinkedHashMap<>();
    try (KafkaConsumer<String, String> c =
        new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> parts = new ArrayList<>();
      c.partitionsFor(Topics.ALERT_RULES.name(), Duration.ofSeconds(30))
          .forEach(i -> parts.add(new TopicPartition(i.topic(), i.partition())));
      c.assign(parts);
      c.seekToBeginning(parts);
      Map<TopicPartition, Long> end = c.endOffsets(parts);
      while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
        for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
          if (r.value() == null) {
            latest.remove(r.key());
          } else {
            latest.put(r.key(), r.value());
          }
        }
      }
    }
    latest.values().forEach(System.out::println);
    return 0;
  }

  private static void send(String servers, String id, String value) throws Exception {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(Topics.ALERT_RULES.name(), id, value)).get();
    }
  }
}
