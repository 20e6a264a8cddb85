package io.wirewatch.entity;

import java.util.List;
import java.util.Objects;

/**
 * A known entity: its stable id, type, canonical name and the other names it goes by.
 *
 * @param contextWords words that, near a mention, make this reading likely (for ambiguous names)
 */
public record KnowledgeBaseEntry(
    String id, EntityType type, String name, List<String> aliases, List<String> contextWords) {
  public KnowledgeBaseEntry {
    Objects.requireNonNull(id, "id can't be null");
    Objects.requireNonNull(type, "type can't be null");
    Objects.requireNonNull(name, "name can't be null");
    aliases = List.copyOf(aliases);
    contextWords = List.copyOf(contextWords);
  }

  /** The canonical name followed by every alias. */
  public List<String> surfaceForms() {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(name), aliases.stream())
        .toList();
  }
}
