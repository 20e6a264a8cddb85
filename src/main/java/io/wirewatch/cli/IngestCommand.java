package io.wirewatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirewatch.codec.JsonViews;
import io.wirewatch.kafka.Topics;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code wirewatch ingest}: produces articles from {@code .jsonl} files (one article per line, sent
 * as it is) or plain text files (first non-empty line is the title, the rest the body).
 */
final class IngestCommand {

  private IngestCommand() {}

  static int run(String[] argv) throws Exception {
    Args args = new Args(argv, 1, Set.of("bootstrap-servers", "topic", "source"), Set.of());
    if (!args.has("bootstrap-servers")) {
      throw new Args.UsageException("ingest needs --bootstrap-servers H:P");
    }
    List<String> inputs = args.positional().isEmpty() ? List.of("-") : args.positional();
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, args.get("bootstrap-servers", ""));
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
    String topic = args.get("topic", Topics.RAW.name());
    int sent = 0;
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
      for (String input : inputs) {
        for (ProducerRecord<String, byte[]> r : records(topic, input, args.get("source", null))) {
          producer.send(r).get();
          sent++;
        }
      }
    }
    System.err.println("ingested " + sent + " articles into " + topic);
    return 0;
  }

  private static List<ProducerRecord<String, byte[]>> records(
      String topic, String input, String source) throws IOException {
    List<ProducerRecord<String, byte[]>> out = new ArrayList<>();
    if (input.equals("-")) {
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        addJsonLine(topic, line, out);
      }
      return out;
    }
    Path path = Path.of(input);
    if (Files.isDirectory(path)) {
      try (Stream<Path> files = Files.list(path)) {
        for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
          out.addAll(records(topic, f.toString(), source));
        }
      }
      return out;
    }
    if (!Files.exists(path)) {
      throw new Args.UsageException("no such file: " + input);
    }
    if (input.endsWith(".jsonl") || input.endsWith(".ndjson")) {
      for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
        addJsonLine(topic, line, out);
      }
    } else {
      out.add(textArticle(topic, path, source));
    }
    return out;
  }

  private static void addJsonLine(
      String topic, String line, List<ProducerRecord<String, byte[]>> out) {
    if (line.isBlank()) {
      return;
    }
    String key = null;
    try {
      JsonNode node = JsonViews.MAPPER.readTree(line);
      if (node != null && node.isObject() && node.path("id").isTextual()) {
        key = node.get("id").asText();
      }
    } catch (IOException notJson) {
      // sent anyway: wirewatch rejects it with a reason, which is what a producer should see
    }
    out.add(new ProducerRecord<>(topic, key, line.getBytes(StandardCharsets.UTF_8)));
  }

  private static ProducerRecord<String, byte[]> textArticle(String topic, Path file, String source)
      throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    int first = 0;
    while (first < lines.size() && lines.get(first).isBlank()) {
      first++;
    }
    ObjectNode article = JsonViews.MAPPER.createObjectNode();
    if (first < lines.size()) {
      article.put("title", lines.get(first).trim());
    }
    article.put(
        "body",
        String.join("\n", lines.subList(Math.min(first + 1, lines.size()), lines.size())).trim());
    if (source != null) {
      article.put("source", source);
    }
    return new ProducerRecord<>(
        topic, null, JsonViews.write(article).getBytes(StandardCharsets.UTF_8));
  }
}
