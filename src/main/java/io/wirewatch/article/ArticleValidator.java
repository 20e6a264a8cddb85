package io.wirewatch.article;

import io.wirewatch.text.UrlCanonicalizer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Turns producer fields into an accepted {@link Article}, or says why it cannot. */
public final class ArticleValidator {

  /** Default largest body accepted, in UTF-16 chars (the contract's 512 KiB). */
  public static final int DEFAULT_MAX_BODY_CHARS = 512 * 1024;

  private static final int MAX_ID_CHARS = 256;

  /** Publication times before this are mistakes: no wire copy a monitor reads is older. */
  static final Instant EARLIEST_PUBLICATION = Instant.parse("1900-01-01T00:00:00Z");

  /** How far after its arrival an article may say it was published: time-zone slips, not more. */
  static final Duration TOLERATED_AHEAD = Duration.ofDays(1);

  private final int maxBodyChars;

  public ArticleValidator(int maxBodyChars) {
    if (maxBodyChars <= 0) {
      throw new IllegalArgumentException("maxBodyChars must be positive, was " + maxBodyChars);
    }
    this.maxBodyChars = maxBodyChars;
  }

  /**
   * Validates an article that arrived at {@code receivedAt}, the timestamp of its Kafka record. A
   * Kafka 4 broker refuses records stamped more than an hour ahead of its clock by default ({@code
   * message.timestamp.after.max.ms}), so that time is trusted; the publication time in the record's
   * text is not.
   */
  public Validation validate(ArticleFields fields, Instant receivedAt) {
    String body = fields.body();
    if (body == null || body.isBlank()) {
      return Validation.rejected(
          RejectionCode.MISSING_FIELD, "body is required and must not be blank");
    }
    if (body.length() > maxBodyChars) {
      return Validation.rejected(
          RejectionCode.TOO_LARGE,
          "body has " + body.length() + " characters; the limit is " + maxBodyChars);
    }
    List<String> warnings = new ArrayList<>(fields.warnings());
    Instant publishedAt = publicationTime(fields.publishedAt(), receivedAt, warnings);
    String url = blankToNull(fields.url());
    String id = blankToNull(fields.id());
    if (id != null && id.length() > MAX_ID_CHARS) {
      warnings.add("id: longer than " + MAX_ID_CHARS + " characters; replaced by a derived id");
      id = null;
    }
    if (id == null) {
      id = deriveId(url, fields.title(), body);
    }
    Article article =
        new Article(
            id,
            url,
            blankToNull(fields.source()),
            publishedAt,
            blankToNull(fields.language()),
            blankToNull(fields.title()),
            body,
            fields.authors(),
            receivedAt,
            warnings);
    return new Validation.Accepted(article);
  }

  /** An id that is the same for the same canonical URL, or else for the same content. */
  static String deriveId(String url, String title, String body) {
    String basis =
        url != null ? "url:" + UrlCanonicalizer.canonicalize(url) : "text:" + title + "\n" + body;
    return "ww-" + sha256(basis).substring(0, 20);
  }

  /**
   * The publication time, or null with a warning when it is not a date or not a plausible one. A
   * date far in the future is worse than none: it would become the article's event time, and the
   * windowed stores keyed by event time (the dedup index, the first-alert-per-story store) would
   * advance their clock to it and expire everything else, so that dedup stopped working until that
   * date. A year past 292 million overflows millisecond time.
   */
  private static Instant publicationTime(String text, Instant receivedAt, List<String> warnings) {
    Instant parsed = parseInstant(text, warnings);
    if (parsed == null) {
      return null;
    }
    if (parsed.isBefore(EARLIEST_PUBLICATION)) {
      warnings.add("publishedAt: '" + abbreviate(text) + "' is before 1900; dropped");
      return null;
    }
    if (parsed.isAfter(receivedAt.plus(TOLERATED_AHEAD))) {
      warnings.add(
          "publishedAt: '"
              + abbreviate(text)
              + "' is more than a day after the article arrived; dropped");
      return null;
    }
    return parsed;
  }

  private static Instant parseInstant(String text, List<String> warnings) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text.trim(), DateTimeFormatter.ISO_DATE_TIME).toInstant();
    } catch (DateTimeParseException notIso) {
      try {
        return ZonedDateTime.parse(text.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      } catch (DateTimeParseException notRfc) {
        warnings.add("publishedAt: '" + abbreviate(text) + "' is not an ISO-8601 date; dropped");
        return null;
      }
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 60 ? text : text.substring(0, 60) + "...";
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static String sha256(String s) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
