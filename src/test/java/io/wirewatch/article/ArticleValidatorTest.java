package io.wirewatch.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleValidatorTest {

  private final ArticleValidator validator = new ArticleValidator(1000);
  private final Instant now = Instant.parse("2026-01-01T00:00:00Z");

  private static ArticleFields fields(String id, String url, String publishedAt, String body) {
    return new ArticleFields(
        id, url, "src", publishedAt, "en", "Title", body, List.of(), List.of());
  }

  @Test
  void shouldRejectMissingOrBlankBody() {
    Validation v = validator.validate(fields("a", null, null, "   "), now);
    Validation.Rejected r = assertInstanceOf(Validation.Rejected.class, v);
    assertEquals(RejectionCode.MISSING_FIELD, r.rejection().code());
  }

  @Test
  void shouldRejectBodyOverTheLimitAsTooLarge() {
    Validation v = validator.validate(fields("a", null, null, "x".repeat(1001)), now);
    assertEquals(
        RejectionCode.TOO_LARGE, assertInstanceOf(Validation.Rejected.class, v).rejection().code());
  }

  @Test
  void shouldKeepArticleWithUnparseableDateAndWarn() {
    Validation v = validator.validate(fields("a", null, "next Tuesday", "Some text."), now);
    Article a = assertInstanceOf(Validation.Accepted.class, v).article();
    assertNull(a.publishedAt());
    assertEquals(now, a.eventTime());
    assertTrue(a.warnings().get(0).startsWith("publishedAt"), a.warnings().toString());
  }

  @Test
  void shouldDropAPublicationTimeMoreThanADayAfterArrival() {
    for (String future : List.of("2999-01-01T00:00:00Z", "+300000000-01-01T00:00:00Z")) {
      Article a =
          assertInstanceOf(
                  Validation.Accepted.class,
                  validator.validate(fields("a", null, future, "Some text."), now))
              .article();
      assertNull(a.publishedAt(), future);
      assertEquals(now, a.eventTime());
      assertTrue(a.warnings().get(0).contains("more than a day after"), a.warnings().toString());
    }
  }

  @Test
  void shouldKeepAPublicationTimeWithinADayAfterArrivalOrLongBefore() {
    for (String kept : List.of("2026-01-01T23:00:00Z", "1987-03-02T10:00:00Z")) {
      Article a =
          ((Validation.Accepted) validator.validate(fields("a", null, kept, "b"), now)).article();
      assertEquals(Instant.parse(kept), a.publishedAt());
      assertTrue(a.warnings().isEmpty(), a.warnings().toString());
    }
  }

  @Test
  void shouldDropAPublicationTimeBefore1900() {
    Article a =
        ((Validation.Accepted)
                validator.validate(fields("a", null, "-5000-01-01T00:00:00Z", "b"), now))
            .article();
    assertNull(a.publishedAt());
    assertTrue(a.warnings().get(0).contains("before 1900"), a.warnings().toString());
  }

  @Test
  void shouldParseIsoDateWithOffset() {
    Article a =
        ((Validation.Accepted)
                validator.validate(fields("a", null, "2020-06-10T22:05:00+02:00", "b"), now))
            .article();
    assertEquals(Instant.parse("2020-06-10T20:05:00Z"), a.publishedAt());
  }

  @Test
  void shouldDeriveTheSameIdForUrlVariantsOfOnePage() {
    Article a =
        ((Validation.Accepted)
                validator.validate(
                    fields(null, "https://www.example.com/a/story/?utm_source=x", null, "b"), now))
            .article();
    Article b =
        ((Validation.Accepted)
                validator.validate(
                    fields(null, "https://m.example.com/a/story/amp", null, "c"), now))
            .article();
    assertEquals(a.id(), b.id());
    assertTrue(a.id().startsWith("ww-"));
  }

  @Test
  void shouldDeriveIdFromContentWithoutUrl() {
    Article a =
        ((Validation.Accepted) validator.validate(fields(null, null, null, "b"), now)).article();
    Article b =
        ((Validation.Accepted) validator.validate(fields(null, null, null, "c"), now)).article();
    assertTrue(!a.id().equals(b.id()));
  }
}
