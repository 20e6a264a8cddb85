package io.wirewatch.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirewatch.alert.AlertMode;
import io.wirewatch.alert.AlertRule;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Alert rules as JSON on {@code news.alert-rules}, the HTTP API and the command line. */
public final class RuleJson {

  private static final int MAX_RULE_BYTES = 64 * 1024;

  private RuleJson() {}

  /** Parses a rule; throws {@link IllegalArgumentException} with a message a user can act on. */
  public static AlertRule parse(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw new IllegalArgumentException("empty rule");
    }
    if (bytes.length > MAX_RULE_BYTES) {
      throw new IllegalArgumentException("rule is larger than " + MAX_RULE_BYTES + " bytes");
    }
    return parse(new String(bytes, StandardCharsets.UTF_8));
  }

  public static AlertRule parse(String json) {
    JsonNode node;
    try {
      node = JsonViews.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("rule is not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("a rule must be a JSON object");
    }
    return fromNode(node);
  }

  public static AlertRule fromNode(JsonNode node) {
    String id = text(node, "id", null);
    String query = text(node, "query", null);
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("rule needs an id");
    }
    if (query == null || query.isBlank()) {
      throw new IllegalArgumentException("rule " + id + " needs a query");
    }
    String modeText = text(node, "mode", "EVERY").toUpperCase(Locale.ROOT);
    AlertMode mode;
    try {
      mode = AlertMode.valueOf(modeText);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "rule " + id + ": mode must be EVERY, FIRST_PER_STORY or DIGEST, not " + modeText);
    }
    return new AlertRule(id, query, mode, text(node, "subscriber", "default"));
  }

  public static ObjectNode toNode(AlertRule rule) {
    ObjectNode o = JsonViews.MAPPER.createObjectNode();
    o.put("id", rule.id());
    o.put("query", rule.query());
    o.put("mode", rule.mode().name());
    o.put("subscriber", rule.subscriber());
    return o;
  }

  public static String write(AlertRule rule) {
    return JsonViews.write(toNode(rule));
  }

  private static String text(JsonNode node, String field, String fallback) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (!v.isTextual()) {
      throw new IllegalArgumentException(field + " must be a string");
    }
    return v.asText();
  }
}
