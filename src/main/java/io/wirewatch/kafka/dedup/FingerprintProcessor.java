package io.wirewatch.kafka.dedup;

import io.wirewatch.article.Article;
import io.wirewatch.avro.DedupEnvelope;
import io.wirewatch.avro.EnrichedArticle;
import io.wirewatch.avro.IndexRequest;
import io.wirewatch.avro.IndexRequestKind;
import io.wirewatch.codec.ArticleMapping;
import io.wirewatch.dedup.Announcer;
import io.wirewatch.dedup.Fingerprinter;
import io.wirewatch.dedup.Fingerprints;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Runs per source (input keyed by source): strips the boilerplate learned for that source, computes
 * the article's fingerprints, and fans out one lookup per index partition (holding the keys of the
 * shards that partition holds) plus the article itself.
 *
 * <p>Articles first wait in an inbox until every input partition has passed their publication time
 * (and at least the settle time), and are then taken in publication order. One source's articles
 * come from every input partition, interleaved as timing decides; what the boilerplate model has
 * learned when an article is stripped must not depend on that, or a crash and its replay could
 * change verdicts. After each release the step tells every index partition how far it has come (its
 * inbox's frontier), so the index inbox can wait for the slowest fingerprint partition in turn.
 *
 * <p>A release hands over several articles at once: their lookups go out as one record per index
 * partition, and the articles as one record per verdict partition ({@link HopBatch}), before the
 * frontier that covers them.
 */
final class FingerprintProcessor implements Processor<String, EnrichedArticle, String, Fanout> {

  // sources whose boilerplate models a task keeps decoded: a full model is a few hundred KB
  private static final int DECODED_MODELS = 32;

  private final Fingerprinter fingerprinter;
  private final SourceBoilerplate boilerplate;
  private final int shards;
  private final int partitions;
  private final Duration settle;
  private final long windowMillis;
  private ProcessorContext<String, Fanout> context;
  private SourceModels models;
  private SettleInbox<EnrichedArticle> inbox;
  private Announcer announcer;
  private SourceSweep sweep;
  // the latest publication time fingerprinted since init: the sweep's clock
  private long latestEventTime;
  private int fingerprintedSinceSweep;
  private HopBatch<IndexRequest> lookups;
  private HopBatch<DedupEnvelope> envelopes;

  FingerprintProcessor(
      Fingerprinter fingerprinter,
      SourceBoilerplate boilerplate,
      int shards,
      int partitions,
      Duration settle,
      Duration window) {
    this.fingerprinter = fingerprinter;
    this.boilerplate = boilerplate;
    this.shards = shards;
    this.partitions = partitions;
    this.settle = settle;
    this.windowMillis = window.toMillis();
  }

  @Override
  public void init(ProcessorContext<String, Fanout> context) {
    this.context = context;
    KeyValueStore<String, byte[]> boilerplateStore = context.getStateStore(DedupStores.BOILERPLATE);
    // afresh, as the stores: a task revived after an aborted transaction must not sweep by the
    // clock of articles it is about to take again
    this.sweep = new SourceSweep(boilerplateStore, windowMillis);
    // the stores of a revived task are restored: its models are read from them again
    this.models =
        new SourceModels(boilerplate, entries(boilerplateStore), windowMillis, DECODED_MODELS);
    this.latestEventTime = Long.MIN_VALUE;
    this.fingerprintedSinceSweep = 0;
    this.inbox =
        SettleInbox.open(
            context,
            DedupStores.FINGERPRINT_INBOX,
            DedupStores.FINGERPRINT_WATERMARKS,
            settle,
            settle,
            (claimed, now) ->
                fingerprint(
                    claimed.value,
                    FingerprintInboxKeys.timestampOf(claimed.key),
                    FingerprintInboxKeys.inFlightOf(claimed.key)));
    // made afresh in init, so a task revived after an aborted transaction announces again
    this.announcer = new Announcer();
    this.lookups = new HopBatch<>(partitions, Carriers::ofRequests);
    this.envelopes = new HopBatch<>(partitions, Carriers::ofEnvelopes);
    inbox.afterEachRelease(
        () -> {
          sendReleased();
          announceFrontier();
          sweepSources();
        });
  }

  /**
   * Two sources looked at per article fingerprinted: more than the one new source an article can
   * add, so the walk goes round the store faster than the store grows.
   */
  private void sweepSources() {
    if (fingerprintedSinceSweep > 0) {
      sweep.sweep(latestEventTime, 2 * fingerprintedSinceSweep);
      fingerprintedSinceSweep = 0;
    }
  }

  @Override
  public void process(Record<String, EnrichedArticle> record) {
    long now = context.currentSystemTimeMs();
    if (Watermarks.isWatermark(record.key(), record.value())) {
      inbox.watermark(Watermarks.input(record.key()), Watermarks.watermark(record.key()), now);
      return;
    }
    inbox.put(
        FingerprintInboxKeys.key(record.value(), record.timestamp(), inFlight()),
        record.value(),
        now);
  }

  /**
   * This record's place in the step's input: what tells two records of one article id apart from
   * here to their verdicts. The same on a replay, as the input is a committed topic.
   */
  private String inFlight() {
    return context
        .recordMetadata()
        .map(m -> FingerprintInboxKeys.inFlight(m.partition(), m.offset()))
        .orElse("");
  }

  private void sendReleased() {
    lookups.send((key, r, ts) -> context.forward(new Record<>(key, new Fanout(r, null), ts)));
    envelopes.send((key, e, ts) -> context.forward(new Record<>(key, new Fanout(null, e), ts)));
  }

  /** Sent after the articles it covers, so every index partition gets those first. */
  private void announceFrontier() {
    announcer
        .due(inbox.frontier())
        .ifPresent(
            frontier ->
                context.forward(
                    new Record<>(
                        Watermarks.key(context.taskId().partition(), frontier),
                        Fanout.WATERMARK,
                        Math.max(0, context.currentStreamTimeMs()))));
  }

  private void fingerprint(EnrichedArticle enriched, long timestamp, String inFlight) {
    Article article = ArticleMapping.toArticle(enriched);
    long eventTime = article.eventTime().toEpochMilli();
    String body = stripBoilerplate(DedupTopology.sourceKey(enriched), article);
    Article forFingerprint = withBody(article, body);
    Fingerprints fp = fingerprinter.fingerprint(forFingerprint);
    latestEventTime = Math.max(latestEventTime, eventTime);
    fingerprintedSinceSweep++;
    List<KeyValue<String, IndexRequest>> requests =
        IndexKeys.requests(
            IndexRequestKind.LOOKUP,
            article.id(),
            eventTime,
            null,
            fp.passageCount(),
            fp.allKeys(),
            shards,
            partitions);
    for (KeyValue<String, IndexRequest> r : requests) {
      r.value.setInFlight(inFlight);
      lookups.add(r.key, r.value, timestamp, HopSizes.of(r.value));
    }
    DedupEnvelope envelope =
        DedupEnvelope.newBuilder()
            .setArticle(enriched)
            .setExpectedReplies(requests.size())
            .setIsReply(false)
            .setOwnKeys(fp.allKeys())
            .setInFlight(inFlight)
            .setArticleId(article.id())
            .build();
    envelopes.add(article.id(), envelope, timestamp, HopSizes.of(envelope));
  }

  private String stripBoilerplate(String source, Article article) {
    return models.stripAndLearn(source, article.body(), article.eventTime());
  }

  private static SourceModels.Entries entries(KeyValueStore<String, byte[]> store) {
    return new SourceModels.Entries() {
      @Override
      public byte[] get(String key) {
        return store.get(key);
      }

      @Override
      public void put(String key, byte[] value) {
        store.put(key, value);
      }

      @Override
      public void delete(String key) {
        store.delete(key);
      }
    };
  }

  private static Article withBody(Article a, String body) {
    if (body == null || body.isBlank() || body.equals(a.body())) {
      return a;
    }
    return a.withBody(body);
  }
}
