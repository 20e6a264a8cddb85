package io.wirewatch.article;

import java.util.List;

/**
 * An article's fields exactly as a producer sent them, before any validation; any of them may be
 * null.
 */
public record ArticleFields(
    String id,
    String url,
    String source,
    String publishedAt,
    String language,
    String title,
    String body,
    List<String> authors,
    List<String> warnings) {

  public ArticleFields {
    authors = authors == null ? List.of() : List.copyOf(authors);
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }
}
