package io.wirewatch.kafka;

import io.wirewatch.avro.EnrichedArticle;
import io.wirewatch.codec.ArticleMapping;
import io.wirewatch.entity.NewsEntityTagger;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;

/**
 * Entity tagging: adds the entities of each article, then publishes it on news.articles.enriched.
 */
public final class EntityTopology {

  private EntityTopology() {}

  public static KStream<String, EnrichedArticle> build(
      StreamsBuilder builder,
      KStream<String, EnrichedArticle> deduplicated,
      NewsEntityTagger tagger,
      Topic<String, EnrichedArticle> output) {
    // every instance sees every added entity: a global store feeding this instance's tagger
    builder.addGlobalStore(
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(KnowledgeBaseUpdater.STORE),
                Serdes.String(),
                Serdes.String())
            .withLoggingDisabled(),
        Topics.ENTITIES.name(),
        Consumed.with(Serdes.String(), Serdes.String()),
        () -> new KnowledgeBaseUpdater(tagger));
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
