package io.wirewatch.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirewatch.entity.EntityType;
import io.wirewatch.entity.KnowledgeBaseEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Knowledge-base entries as JSON on {@code news.entities}: {@code {"id", "type", "name", "aliases":
 * [...], "contextWords": [...]}}.
 */
public final class EntityJson {

  private EntityJson() {}

  /** Parses an entry; throws {@link IllegalArgumentException} saying what is wrong. */
  public static KnowledgeBaseEntry parse(String json) {
    JsonNode n;
    try {
      n = JsonViews.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("entity is not valid JSON: " + e.getOriginalMessage());
    }
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException("an entity must be a JSON object");
    }
    String id = n.path("id").asText("");
    String name = n.path("name").asText("");
    if (id.isBlank() || name.isBlank()) {
      throw new IllegalArgumentException("an entity needs an id and a name");
    }
    EntityType type;
    try {
      type = EntityType.valueOf(n.path("type").asText("MISC").toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown entity type " + n.path("type").asText());
    }
    return new KnowledgeBaseEntry(
        id, type, name, strings(n.get("aliases")), strings(n.get("contextWords")));
  }

  public static String write(KnowledgeBaseEntry e) {
    ObjectNode o = JsonViews.MAPPER.createObjectNode();
    o.put("id", e.id());
    o.put("type", e.type().name());
    o.put("name", e.name());
    e.aliases().forEach(o.putArray("aliases")::add);
    e.contextWords().forEach(o.putArray("contextWords")::add);
    return JsonViews.write(o);
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array != null && array.isArray()) {
      array.forEach(
          v -> {
            if (v.isTextual() && !v.asText().isBlank()) {
              out.add(v.asText());
            }
          });
    }
    return out;
  }
}
