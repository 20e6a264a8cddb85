package io.wirewatch.kafka.bench;

import io.wirewatch.alert.RuleBook;
import io.wirewatch.alert.RuleMatch;
import io.wirewatch.article.Article;
import io.wirewatch.article.ArticleValidator;
import io.wirewatch.article.Validation;
import io.wirewatch.avro.EnrichedArticle;
import io.wirewatch.bench.InMemoryDedupIndex;
import io.wirewatch.bench.StageChain;
import io.wirewatch.codec.ArticleMapping;
import io.wirewatch.codec.RawArticleDecoder;
import io.wirewatch.dedup.Fingerprints;
import io.wirewatch.dedup.Verdict;
import io.wirewatch.entity.NewsEntityTagger;
import io.wirewatch.kafka.WirewatchTopology;
import io.wirewatch.kafka.dedup.DedupTopology;
import io.wirewatch.kafka.dedup.SourceModels;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The pipeline's four stages as plain functions, made of the objects the pipeline is built with
 * ({@link WirewatchTopology.Stages}): what each stage's processors do per article, without the
 * broker, the serdes between stages or the state stores, which maps stand in for.
 */
public final class PipelineStages {

  // as many decoded boilerplate models as the bench's partitions' fingerprint tasks keep together
  // (32 each): one thread here holds every source, where each task holds its partition's
  private static final int DECODED_MODELS = 4 * 32;

  private PipelineStages() {}

  /**
   * normalise, dedup, tag, match: from the produced bytes to the rules an article matches.
   *
   * @param receivedAt the time the records stand to have arrived at, as their timestamp does
   */
  public static StageChain<List<RuleMatch>> chain(
      List<byte[]> values, WirewatchTopology.Stages stages, RuleBook book, Instant receivedAt) {
    Function<byte[], EnrichedArticle> normalise = normalise(stages.maxBodyChars(), receivedAt);
    Function<EnrichedArticle, EnrichedArticle> tag = a -> tag(stages.tagger(), a);
    Function<EnrichedArticle, List<RuleMatch>> match =
        a -> book.match(ArticleMapping.toMatchable(a));
    return StageChain.over(values)
        .then("normalise", () -> normalise)
        // dedup's index and boilerplate models start empty in every pass
        .then("dedup", () -> dedup(stages.dedup()))
        .then("tag", () -> tag)
        .then("match", () -> match);
  }

  /**
   * What ValidateTopology's processor does with a record: decode, validate, normalise to the
   * article the stages after it take; null for a rejected record.
   */
  public static Function<byte[], EnrichedArticle> normalise(int maxBodyChars, Instant receivedAt) {
    // the processor's sizes: room for the largest accepted body in UTF-8 plus the other fields
    RawArticleDecoder decoder = new RawArticleDecoder(maxBodyChars * 4 + 64 * 1024);
    ArticleValidator validator = new ArticleValidator(maxBodyChars);
    return value -> {
      RawArticleDecoder.Decoded decoded = decoder.decode(value);
      if (decoded.rejection() != null) {
        return null;
      }
      Validation v = validator.validate(decoded.fields(), receivedAt);
      return v instanceof Validation.Accepted accepted
          ? ArticleMapping.toAvro(accepted.article())
          : null;
    };
  }

  /**
   * The fingerprint step (the source's boilerplate stripped and learned, the fingerprints), the
   * index's claims and the verdict, in one thread: {@link SourceModels} over a map where the
   * pipeline has its boilerplate store, {@link InMemoryDedupIndex} where it has the index shards.
   */
  public static Function<EnrichedArticle, EnrichedArticle> dedup(DedupTopology.Settings settings) {
    Map<String, byte[]> store = new HashMap<>();
    SourceModels models =
        new SourceModels(
            settings.boilerplate(),
            new MapEntries(store),
            settings.window().toMillis(),
            DECODED_MODELS);
    InMemoryDedupIndex index = new InMemoryDedupIndex(settings.decider());
    return enriched -> {
      Article article = ArticleMapping.toArticle(enriched);
      // DedupTopology's key by source
      String source = enriched.getSource() == null ? "(unknown source)" : enriched.getSource();
      String body = models.stripAndLearn(source, article.body(), article.eventTime());
      // as the fingerprint step: an empty or unchanged body leaves the article as it came
      Article stripped =
          body == null || body.isBlank() || body.equals(article.body())
              ? article
              : article.withBody(body);
      Fingerprints fp = settings.fingerprinter().fingerprint(stripped);
      Verdict verdict = index.decide(article.id(), article.eventTime().toEpochMilli(), fp);
      return ArticleMapping.withVerdict(enriched, verdict);
    };
  }

  /** EntityTopology's tagging of title and body. */
  public static EnrichedArticle tag(NewsEntityTagger tagger, EnrichedArticle a) {
    String title = a.getTitle() == null ? "" : a.getTitle();
    String text = title.isEmpty() ? a.getBody() : title + "\n\n" + a.getBody();
    return ArticleMapping.withEntities(a, tagger.tag(text, title.length()));
  }

  private record MapEntries(Map<String, byte[]> map) implements SourceModels.Entries {
    @Override
    public byte[] get(String key) {
      return map.get(key);
    }

    @Override
    public void put(String key, byte[] value) {
      map.put(key, value);
    }

    @Override
    public void delete(String key) {
      map.remove(key);
    }
  }
}
