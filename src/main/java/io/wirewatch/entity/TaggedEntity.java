package io.wirewatch.entity;

import java.util.List;
import java.util.Objects;

/**
 * One referent in one article with all its mentions.
 *
 * @param salience how central it is to the article, 0 to 1 (in the title, how often mentioned)
 */
public record TaggedEntity(
    String id, String name, EntityType type, double salience, List<Mention> mentions) {
  public TaggedEntity {
    Objects.requireNonNull(id, "id can't be null");
    Objects.requireNonNull(name, "name can't be null");
    Objects.requireNonNull(type, "type can't be null");
    mentions = List.copyOf(mentions);
  }
}
