package io.wirewatch.kafka;

import io.wirewatch.avro.EnrichedArticle;
import io.wirewatch.entity.NewsEntityTagger;
import io.wirewatch.kafka.alert.AlertTopology;
import io.wirewatch.kafka.alert.RuleCatalog;
import io.wirewatch.kafka.alert.SentAlert;
import io.wirewatch.kafka.dedup.DedupTopology;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;

/**
 * The flow of an article, in one place: validate, dedup, entities (then news.articles.enriched),
 * and from there alerts and dashboard statistics.
 */
public final class WirewatchTopology {

  /** Everything the stages need at run time. */
  public record Stages(
      int maxBodyChars,
      DedupTopology.Settings dedup,
      NewsEntityTagger tagger,
      boolean enrichedAsJson,
      RuleCatalog rules,
      AlertTopology.Settings alerts) {}

  private WirewatchTopology() {}

  public static Topology build(Stages stages) {
    StreamsBuilder builder = new StreamsBuilder();
    KStream<String, EnrichedArticle> valid = ValidateTopology.build(builder, stages.maxBodyChars());
    KStream<String, EnrichedArticle> deduplicated =
        DedupTopology.build(builder, valid, stages.dedup());
    KStream<String, EnrichedArticle> enriched =
        EntityTopology.build(
            builder,
            deduplicated,
            stages.tagger(),
            stages.enrichedAsJson() ? Topics.ENRICHED_JSON : Topics.ENRICHED);
    KStream<String, SentAlert> alerts =
        AlertTopology.build(builder, enriched, stages.rules(), stages.alerts());
    // the dedup's partition count is the topics' (wirewatch.topics.partitions)
    DashboardTopology.build(builder, enriched, alerts, stages.dedup().partitions());
    return builder.build();
  }
}
