package io.wirewatch.alert;

import java.util.List;

/**
 * The parts of an article that rules can see.
 *
 * @param entityKeys entity ids and canonical names found by the tagging stage
 */
public record MatchableArticle(
    String id, String title, String body, String source, String language, List<String> entityKeys) {
  public MatchableArticle {
    title = title == null ? "" : title;
    entityKeys = List.copyOf(entityKeys);
  }
}
