package io.wirewatch.kafka;

import io.wirewatch.avro.EnrichedArticle;
import io.wirewatch.kafka.dashboard.StoryProcessor;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The story view's state: enriched articles repartitioned by story id into {@link #STORE}, so that
 * every copy and write-up of a story lives on one instance and {@code GET /api/stories/{id}} can
 * ask that instance (interactive queries). Stories not seen for {@link #RETENTION} are deleted.
 */
public final class StoryTopology {

  /** Story id to the story as JSON: {@code {"storyId", "firstSeen", "lastSeen", "articles"}}. */
  public static final String STORE = "dashboard-stories";

  /** As long as the dedup window: a later copy would start a new story anyway. */
  static final Duration RETENTION = Duration.ofDays(7);

  private StoryTopology() {}

  /** Returns each story's reach summary, keyed by story id, updated on every article. */
  public static KStream<String, String> build(
      StreamsBuilder builder, KStream<String, EnrichedArticle> enriched) {
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(STORE), Serdes.String(), Serdes.String())
            // a story updated by several articles between two commits is logged once
            .withCachingEnabled());
    return enriched
        .filter((id, a) -> a.getDedup() != null, Named.as("stories-with-verdict"))
        .selectKey((id, a) -> a.getDedup().getStoryId(), Named.as("stories-key-by-story"))
        .mapValues(StoryProcessor::compact, Named.as("stories-compact"))
        .repartition(
            Repartitioned.<String, EnrichedArticle>as("stories-by-id")
                .withKeySerde(Serdes.String())
                .withValueSerde(Topics.ENRICHED_AVRO))
        .process(() -> new StoryProcessor(STORE, RETENTION), Named.as("stories-collect"), STORE);
  }
}
