package io.wirewatch.kafka.dedup;

import io.wirewatch.avro.DedupEnvelope;
import io.wirewatch.avro.DedupPending;
import io.wirewatch.avro.EnrichedArticle;
import io.wirewatch.avro.IndexHit;
import io.wirewatch.avro.IndexRequest;
import io.wirewatch.dedup.Fingerprinter;
import io.wirewatch.dedup.VerdictDecider;
import io.wirewatch.kafka.AvroSerde;
import io.wirewatch.kafka.Topics;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * Dedup: gives every article a verdict and a story.
 *
 * <pre>
 * articles by id --(by source)--> fingerprint --(by shard)--> index shard --(by article id)--+
 *                                     '--------------------(by article id)------------------> verdict
 * every verdict's story, and story queries --(by shard)--> index shard (records the story,
 *                                                          answers queries once it has it)
 * </pre>
 *
 * <p>The two arrows into the fingerprint and index inboxes also carry watermarks, sent to every
 * partition: each input partition's progress in publication time, so that each inbox takes its
 * articles in publication order whatever the stream threads' relative speed.
 *
 * <p>Every arrow but the first carries batches: what one release of an inbox (or one input record
 * of the verdict step) sends to one partition travels as one record ({@link HopBatch}), routed as
 * each of its items would have been alone.
 */
public final class DedupTopology {

  /** What the topology needs; the pure parts come from the dedup package. */
  public record Settings(
      Fingerprinter fingerprinter,
      VerdictDecider decider,
      SourceBoilerplate boilerplate,
      int shards,
      int partitions,
      Duration window,
      Duration grace,
      Duration settle) {
    public Settings {
      Objects.requireNonNull(fingerprinter, "fingerprinter can't be null");
      Objects.requireNonNull(decider, "decider can't be null");
      Objects.requireNonNull(boilerplate, "boilerplate can't be null");
    }
  }

  private DedupTopology() {}

  public static KStream<String, EnrichedArticle> build(
      StreamsBuilder builder, KStream<String, EnrichedArticle> articles, Settings settings) {
    addStores(builder, settings);
    HeldAnswersByTask heldByTask = new HeldAnswersByTask();
    KStream<String, Fanout> fanout =
        articles
            .selectKey((id, a) -> sourceKey(a), Named.as("dedup-key-by-source"))
            .process(() -> new WatermarkEmitter(settings.settle()), Named.as("dedup-watermark"))
            .repartition(
                repartitioned("dedup-by-source", Topics.ENRICHED_AVRO, settings)
                    .withStreamPartitioner(Watermarks.partitioner()))
            .process(
                () ->
                    new FingerprintProcessor(
                        settings.fingerprinter(),
                        settings.boilerplate(),
                        settings.shards(),
                        settings.partitions(),
                        settings.settle(),
                        settings.window()),
                Named.as("dedup-fingerprint"),
                DedupStores.BOILERPLATE,
                DedupStores.FINGERPRINT_INBOX,
                DedupStores.FINGERPRINT_WATERMARKS);
    Map<String, KStream<String, Fanout>> split =
        fanout
            .split(Named.as("dedup-fanout-"))
            .branch((k, f) -> f.toIndex(), Branched.as("requests"))
            .defaultBranch(Branched.as("articles"));

    KStream<String, DedupEnvelope> replies =
        split
            .get("dedup-fanout-requests")
            .mapValues(Fanout::request, Named.as("dedup-requests"))
            .repartition(
                repartitioned("dedup-index-lookup", Topics.INDEX_REQUEST, settings)
                    .withStreamPartitioner(Watermarks.partitioner()))
            .process(
                () ->
                    new IndexShardProcessor(
                        settings.window().toMillis(),
                        settings.settle(),
                        heldByTask,
                        settings.partitions()),
                Named.as("dedup-index-lookup"),
                DedupStores.INDEX,
                DedupStores.INBOX,
                DedupStores.HELD,
                DedupStores.INDEX_WATERMARKS);
    Map<String, KStream<String, VerdictOut>> decided =
        split
            .get("dedup-fanout-articles")
            .mapValues(Fanout::envelope, Named.as("dedup-envelopes"))
            .merge(replies, Named.as("dedup-merge-replies"))
            .repartition(repartitioned("dedup-verdict", Topics.DEDUP_ENVELOPE, settings))
            .process(
                () ->
                    new VerdictProcessor(
                        settings.decider(), settings.shards(), settings.partitions()),
                Named.as("dedup-verdict"),
                DedupStores.PENDING)
            .split(Named.as("dedup-decided-"))
            .branch((k, v) -> v.article() != null, Branched.as("verdicts"))
            .defaultBranch(Branched.as("story-assignments"));

    decided
        .get("dedup-decided-story-assignments")
        .mapValues(VerdictOut::assignment, Named.as("dedup-story-requests"))
        .repartition(repartitioned("dedup-story-assign", Topics.INDEX_REQUEST, settings))
        .process(
            () ->
                new IndexShardProcessor(
                    settings.window().toMillis(), null, heldByTask, settings.partitions()),
            Named.as("dedup-index-assign"),
            DedupStores.INDEX);
    KStream<String, EnrichedArticle> verdicts =
        decided
            .get("dedup-decided-verdicts")
            .mapValues(VerdictOut::article, Named.as("dedup-verdicts"));
    return verdicts;
  }

  static String sourceKey(EnrichedArticle a) {
    return a.getSource() == null ? "(unknown source)" : a.getSource();
  }

  private static <V> Repartitioned<String, V> repartitioned(
      String name, org.apache.kafka.common.serialization.Serde<V> valueSerde, Settings settings) {
    // a fixed count: the index topology feeds back into itself, so Streams cannot derive one
    return Repartitioned.<String, V>as(name)
        .withKeySerde(Serdes.String())
        .withValueSerde(valueSerde)
        .withNumberOfPartitions(settings.partitions());
  }

  private static void addStores(StreamsBuilder builder, Settings settings) {
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(DedupStores.BOILERPLATE),
                Serdes.String(),
                Serdes.ByteArray())
            // a source's model is rewritten for every article; cached, it reaches the changelog
            // once per commit
            .withCachingEnabled());
    Duration retention = settings.window().plus(settings.grace());
    builder.addStateStore(
        Stores.windowStoreBuilder(
            Stores.persistentWindowStore(DedupStores.INDEX, retention, Duration.ofMillis(1), false),
            Serdes.String(),
            new AvroSerde<IndexHit>(IndexHit.getClassSchema())));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(DedupStores.FINGERPRINT_INBOX),
            Serdes.String(),
            Topics.ENRICHED_AVRO));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(DedupStores.INBOX),
            Serdes.String(),
            new AvroSerde<IndexRequest>(IndexRequest.getClassSchema())));
    for (String watermarks :
        new String[] {DedupStores.FINGERPRINT_WATERMARKS, DedupStores.INDEX_WATERMARKS}) {
      builder.addStateStore(
          Stores.keyValueStoreBuilder(
              Stores.persistentKeyValueStore(watermarks), Serdes.String(), Serdes.Long()));
    }
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(DedupStores.HELD),
                Serdes.String(),
                new AvroSerde<DedupEnvelope>(DedupEnvelope.getClassSchema()))
            // most answers are stored and sent within one commit: cached, that logs one tombstone
            .withCachingEnabled());
    // uncached (as since cf0b9a3): its entries hold whole articles, which crowded the record cache
    // the dashboard's stores share, for 0.3 records per article saved
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(DedupStores.PENDING),
            Serdes.String(),
            new AvroSerde<DedupPending>(DedupPending.getClassSchema())));
  }
}
