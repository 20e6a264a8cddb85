package io.wirewatch.codec;

import io.wirewatch.alert.MatchableArticle;
import io.wirewatch.article.Article;
import io.wirewatch.avro.DedupVerdict;
import io.wirewatch.avro.EnrichedArticle;
import io.wirewatch.avro.Entity;
import io.wirewatch.dedup.Verdict;
import io.wirewatch.entity.Mention;
import io.wirewatch.entity.TaggedEntity;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Moves articles between the pure model and the Avro records that travel between stages. */
public final class ArticleMapping {

  private ArticleMapping() {}

  public static EnrichedArticle toAvro(Article a) {
    return EnrichedArticle.newBuilder()
        .setId(a.id())
        .setUrl(a.url())
        .setSource(a.source())
        .setPublishedAt(a.publishedAt() == null ? null : a.publishedAt().toString())
        .setLanguage(a.language())
        .setTitle(a.title())
        .setBody(a.body())
        .setAuthors(new ArrayList<>(a.authors()))
        .setReceivedAt(a.receivedAt().toEpochMilli())
        .setWarnings(new ArrayList<>(a.warnings()))
        .setDedup(null)
        .setEntities(new ArrayList<>())
        .build();
  }

  public static Article toArticle(EnrichedArticle e) {
    return new Article(
        e.getId(),
        e.getUrl(),
        e.getSource(),
        parseInstant(e.getPublishedAt()),
        e.getLanguage(),
        e.getTitle(),
        e.getBody(),
        e.getAuthors(),
        Instant.ofEpochMilli(e.getReceivedAt()),
        e.getWarnings());
  }

  /** Event time in epoch millis: publication time when known, else arrival. */
  public static long eventTime(EnrichedArticle e) {
    Instant published = parseInstant(e.getPublishedAt());
    return published != null ? published.toEpochMilli() : e.getReceivedAt();
  }

  public static EnrichedArticle withVerdict(EnrichedArticle e, Verdict v) {
    EnrichedArticle copy = EnrichedArticle.newBuilder(e).build();
    copy.setDedup(
        DedupVerdict.newBuilder()
            .setStatus(v.status().name())
            .setCanonicalId(v.canonicalId())
            .setSimilarity(v.similarity())
            .setStoryId(v.storyId())
            .build());
    return copy;
  }

  public static EnrichedArticle withEntities(EnrichedArticle e, List<TaggedEntity> entities) {
    List<Entity> out = new ArrayList<>(entities.size());
    for (TaggedEntity t : entities) {
      List<io.wirewatch.avro.Mention> mentions = new ArrayList<>(t.mentions().size());
      for (Mention m : t.mentions()) {
        mentions.add(new io.wirewatch.avro.Mention(m.text(), m.start(), m.end()));
      }
      out.add(new Entity(t.id(), t.name(), t.type().name(), t.salience(), mentions));
    }
    EnrichedArticle copy = EnrichedArticle.newBuilder(e).build();
    copy.setEntities(out);
    return copy;
  }

  public static String storyId(EnrichedArticle e) {
    return e.getDedup() == null ? e.getId() : e.getDedup().getStoryId();
  }

  public static MatchableArticle toMatchable(EnrichedArticle e) {
    List<String> keys = new ArrayList<>();
    for (Entity entity : e.getEntities()) {
      keys.add(entity.getId());
      keys.add(entity.getName());
    }
    return new MatchableArticle(
        e.getId(), e.getTitle(), e.getBody(), e.getSource(), e.getLanguage(), keys);
  }

  private static Instant parseInstant(String s) {
    if (s == null) {
      return null;
    }
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
