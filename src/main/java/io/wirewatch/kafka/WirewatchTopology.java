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

  /**
   * Everything the stages need at run time.
   *
   * @param alertsPartitions the partition count news.alerts has on the broker: the dashboard's
   *     counts by rule are read from it and must cross their repartition topic at the count Streams
   *     derives from it, which on a user's own cluster may differ from wirewatch.topics.partitions
   */
  public record Stages(
      int maxBodyChars,
      DedupTopology.Settings dedup,
      NewsEntityTagger tagger,
      boolean enrichedAsJson,
      RuleCatalog rules,
      AlertTopology.Settings alerts,
      int alertsPartitions) {

    /** These stages, for a news.alerts of the given partition count. */
    public Stages withAlertsPartitions(int partitions) {
      return new Stages(maxBodyChars, dedup, tagger, enrichedAsJson, rules, alerts, partitions);
    }
  }

  private WirewatchTopology() {}

  public static Topology build(Stages stages) {
    return build(new StreamsBuilder(), stages);
  }

  /** As {@link #build(Stages)}, on the given builder (a test's, to look at the internal topics). */
  static Topology build(StreamsBuilder builder, Stages stages) {
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
    // the enriched articles come from the dedup's verdict topic, whose partition count is fixed to
    // the dedup's (wirewatch.topics.partitions); the counts by rule come from news.alerts
    DashboardTopology.build(
        builder, enriched, alerts, stages.dedup().partitions(), stages.alertsPartitions());
    return builder.build();
  }
}
