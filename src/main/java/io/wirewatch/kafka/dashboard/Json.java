package io.wirewatch.kafka.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirewatch.codec.JsonViews;
import java.io.IOException;
import java.io.UncheckedIOException;

/** JSON helpers for dashboard values and store entries (both are JSON text). */
final class Json {

  private Json() {}

  static ObjectNode object() {
    return JsonViews.MAPPER.createObjectNode();
  }

  static ObjectNode read(String text) {
    try {
      return (ObjectNode) JsonViews.MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode readTree(String text) {
    try {
      return JsonViews.MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String write(JsonNode node) {
    return JsonViews.write(node);
  }
}
