package io.wirewatch.kafka.dedup;

import io.wirewatch.avro.DedupEnvelope;
import io.wirewatch.avro.IndexHit;
import io.wirewatch.avro.IndexRequest;
import io.wirewatch.avro.IndexRequestKind;
import io.wirewatch.dedup.IndexEntry;
import io.wirewatch.dedup.IndexShard;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * One shard of the dedup index. A LOOKUP claims each key for the article and replies with the
 * earlier owners it found; an ASSIGN_STORY records the story an owner was finally given. Entries
 * live in a window store at the owner's event time, so they expire with the dedup window.
 *
 * <p>A story is recorded once per partition, under the owner's id ({@link #storyKey}), not written
 * into each key the owner holds: the owner's entries are left as claimed, and a lookup reads the
 * story when it reports a hit. About seven in ten articles join an earlier story, and rewriting
 * their keys was over a third of the index changelog's records.
 *
 * <p>Lookups wait in an inbox until every fingerprint partition has passed their event time, and
 * are then claimed in event-time order: copies and write-ups that come over different partitions,
 * however far apart in time, are decided as if they had arrived in publication order, which is what
 * makes the earliest copy the canonical one.
 */
final class IndexShardProcessor implements Processor<String, IndexRequest, String, DedupEnvelope> {

  static final String STORY_PREFIX = "a:";

  private final long windowMillis;
  private final Duration settle;
  private ProcessorContext<String, DedupEnvelope> context;
  private WindowStore<String, IndexHit> index;
  private SettleInbox<IndexRequest> inbox;

  /**
   * @param settle sets how often the inbox is checked; null for a processor that only records story
   *     assignments
   */
  IndexShardProcessor(long windowMillis, Duration settle) {
    this.windowMillis = windowMillis;
    this.settle = settle;
  }

  @Override
  public void init(ProcessorContext<String, DedupEnvelope> context) {
    this.context = context;
    this.index = context.getStateStore(DedupStores.INDEX);
    if (settle != null) {
      this.inbox =
          SettleInbox.open(
              context,
              DedupStores.INBOX,
              DedupStores.INDEX_WATERMARKS,
              settle,
              // the fingerprint partitions send lookups in order; the watermark is all it takes
              Duration.ZERO,
              (claimed, now) -> lookup(claimed.value, now));
    }
  }

  @Override
  public void process(Record<String, IndexRequest> record) {
    if (Watermarks.isWatermark(record.key(), record.value())) {
      inbox.watermark(
          Watermarks.input(record.key()),
          Watermarks.watermark(record.key()),
          context.currentSystemTimeMs());
      return;
    }
    IndexRequest request = record.value();
    if (request.getKind() == IndexRequestKind.ASSIGN_STORY) {
      assignStory(request);
      return;
    }
    inbox.put(inboxKey(request), request, context.currentSystemTimeMs());
  }

  /**
   * Event time, then article id, then which record of the article it is, then the request's first
   * key (one request per partition and record).
   */
  static String inboxKey(IndexRequest r) {
    String firstKey = r.getKeys().isEmpty() ? "" : r.getKeys().get(0);
    return r.getInFlight().isEmpty()
        ? SettleInbox.key(r.getEventTime(), r.getArticleId(), firstKey)
        : SettleInbox.key(r.getEventTime(), r.getArticleId(), r.getInFlight(), firstKey);
  }

  private void lookup(IndexRequest request, long now) {
    IndexEntry claimant =
        new IndexEntry(
            request.getArticleId(), null, request.getEventTime(), request.getFeatureCount());
    List<IndexHit> hits = new ArrayList<>();
    Map<String, Optional<String>> storyOf = new HashMap<>();
    for (String key : request.getKeys()) {
      IndexEntry existing = earliestOwner(key, request.getEventTime());
      IndexShard.Claim claim = IndexShard.claim(key, existing, claimant);
      if (claim.owner() == claimant) {
        index.put(key, toAvro(key, claimant), claimant.eventTime());
      }
      claim.hit().ifPresent(h -> hits.add(toAvro(h.key(), withStory(h.owner(), storyOf))));
    }
    DedupEnvelope reply =
        DedupEnvelope.newBuilder()
            .setIsReply(true)
            .setHits(hits)
            .setArticle(null)
            .setInFlight(request.getInFlight())
            .build();
    context.forward(new Record<>(request.getArticleId(), reply, now));
  }

  /**
   * Lookups on this partition see the story from now on, as they did when it was written into each
   * key: the lookup and the assignment of one partition run in the same task, in offset order.
   */
  private void assignStory(IndexRequest request) {
    String key = storyKey(request.getArticleId());
    IndexHit story =
        IndexHit.newBuilder()
            .setKey(key)
            .setArticleId(request.getArticleId())
            .setStoryId(request.getStoryId())
            .setEventTime(request.getEventTime())
            .setFeatureCount(0)
            .build();
    index.put(key, story, request.getEventTime());
  }

  /**
   * Where an owner's story is kept: beside its entries, at its event time, so both expire together.
   * The prefix is none of the fingerprints' (x:, p:, s:), so it never meets an index key.
   */
  static String storyKey(String articleId) {
    return STORY_PREFIX + articleId;
  }

  /**
   * The owner with its story: the one written into its entry by an older version, else recorded.
   */
  private IndexEntry withStory(IndexEntry owner, Map<String, Optional<String>> storyOf) {
    if (owner.storyId() != null) {
      return owner;
    }
    return storyOf
        .computeIfAbsent(
            owner.articleId(),
            id ->
                Optional.ofNullable(index.fetch(storyKey(id), owner.eventTime()))
                    .map(IndexHit::getStoryId))
        .map(owner::withStoryId)
        .orElse(owner);
  }

  private IndexEntry earliestOwner(String key, long eventTime) {
    IndexEntry earliest = null;
    try (WindowStoreIterator<IndexHit> it = fetch(key, eventTime)) {
      while (it.hasNext()) {
        IndexEntry candidate = fromAvro(it.next().value);
        if (earliest == null || candidate.precedes(earliest)) {
          earliest = candidate;
        }
      }
    }
    return earliest;
  }

  private WindowStoreIterator<IndexHit> fetch(String key, long eventTime) {
    return index.fetch(key, eventTime - windowMillis, eventTime + windowMillis);
  }

  static IndexHit toAvro(String key, IndexEntry e) {
    return IndexHit.newBuilder()
        .setKey(key)
        .setArticleId(e.articleId())
        .setStoryId(e.storyId())
        .setEventTime(e.eventTime())
        .setFeatureCount(e.featureCount())
        .build();
  }

  static IndexEntry fromAvro(IndexHit h) {
    return new IndexEntry(h.getArticleId(), h.getStoryId(), h.getEventTime(), h.getFeatureCount());
  }
}
