package io.wirewatch.article;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An accepted article: it has an id and a non-blank body; every other field may be null.
 *
 * @param publishedAt when the source published it, or null when unknown or unparseable
 * @param receivedAt when wirewatch accepted it; used as event time when {@code publishedAt} is null
 * @param warnings fields that were dropped because they could not be parsed
 */
public record Article(
    String id,
    String url,
    String source,
    Instant publishedAt,
    String language,
    String title,
    String body,
    List<String> authors,
    Instant receivedAt,
    List<String> warnings) {

  public Article {
    Objects.requireNonNull(id, "id can't be null");
    Objects.requireNonNull(body, "body can't be null");
    Objects.requireNonNull(receivedAt, "receivedAt can't be null");
    authors = authors == null ? List.of() : List.copyOf(authors);
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }

  /** The same article with another body (the stages' cleaned text, say). */
  public Article withBody(String newBody) {
    return new Article(
        id, url, source, publishedAt, language, title, newBody, authors, receivedAt, warnings);
  }

  /** The time the article belongs to: its publication time when known, else when it arrived. */
  public Instant eventTime() {
    return publishedAt != null ? publishedAt : receivedAt;
  }

  /** The text every stage sees; entity offsets index into it. */
  public String fullText() {
    return title == null || title.isEmpty() ? body : title + "\n\n" + body;
  }

  /** Where the body starts within {@link #fullText()}. */
  public int bodyOffset() {
    return title == null || title.isEmpty() ? 0 : title.length() + 2;
  }
}
