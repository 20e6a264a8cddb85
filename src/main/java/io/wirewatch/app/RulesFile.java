package io.wirewatch.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.wirewatch.alert.AlertRule;
import io.wirewatch.codec.RuleJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code alert-rules.yaml}: a list under {@code rules:} of id, query, mode and subscriber.
 */
public final class RulesFile {

  private RulesFile() {}

  public static List<AlertRule> read(Path file) throws IOException {
    if (!Files.exists(file)) {
      return List.of();
    }
    JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    List<AlertRule> rules = new ArrayList<>();
    JsonNode list = root == null ? null : root.get("rules");
    if (list == null || !list.isArray()) {
      return rules;
    }
    for (JsonNode node : list) {
      try {
        rules.add(RuleJson.fromNode(node));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
      }
    }
    return rules;
  }
}
