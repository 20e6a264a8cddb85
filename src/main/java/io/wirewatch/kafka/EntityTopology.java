package io.wirewatch.kafka;

import io.wirewatch.avro.EnrichedArticle;
import io.wirewatch.codec.ArticleMapping;
import io.wirewatch.entity.EntityTagger;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * Entity tagging: adds the entities of each article, then publishes it on news.articles.enriched.
 */
public final class EntityTopology {

  private EntityTopology() {}

  public static KStream<String, EnrichedArticle> build(
      KStream<String, EnrichedArticle> deduplicated,
      EntityTagger tagger,
      Topic<String, EnrichedArticle> output) {
    KStream<String, EnrichedArticle> enriched =
        deduplicated.mapValues(
            a -> {
              String title = a.getTitle() == null ? "" : a.getTitle();
              String text = title.isEmpty() ? a.getBody() : title + "\n\n" + a.getBody();
              return ArticleMapping.withEntities(a, tagger.tag(text, title.length()));
            },
            Named.as("entities-tag"));
    enriched.to(output.name(), output.produced());
    return enriched;
  }
}
