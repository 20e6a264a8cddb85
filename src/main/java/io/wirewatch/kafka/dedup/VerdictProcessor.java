package io.wirewatch.kafka.dedup;

import io.wirewatch.avro.DedupEnvelope;
import io.wirewatch.avro.DedupPending;
import io.wirewatch.avro.EnrichedArticle;
import io.wirewatch.avro.IndexHit;
import io.wirewatch.avro.IndexRequest;
import io.wirewatch.avro.IndexRequestKind;
import io.wirewatch.codec.ArticleMapping;
import io.wirewatch.dedup.Fingerprints;
import io.wirewatch.dedup.Verdict;
import io.wirewatch.dedup.VerdictDecider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Gathers, per record of an article, the article and one reply from each index shard it was sent
 * to, then asks the decider for the verdict. Entries leave the store with the verdict; an entry
 * whose replies never complete (a lookup dropped by the processing exception handler, never a
 * crash: exactly-once covers those) is decided with what it has after {@link #STALE_AFTER}, so the
 * store stays bounded.
 *
 * <p>Staleness is measured in stream time, not wall-clock time: a restart after a crash, or a
 * backlog the index shards are still working through, must not decide an article before its replies
 * come, or its verdict would differ from an uninterrupted run's.
 */
final class VerdictProcessor implements Processor<String, DedupEnvelope, String, VerdictOut> {

  static final Duration STALE_AFTER = Duration.ofHours(1);

  // no article id is expected to hold a NUL, so a key with a place never equals a bare id
  private static final String PENDING_KEY_SEPARATOR = "\u0000";

  private final VerdictDecider decider;
  private final int shards;
  private final int partitions;
  private ProcessorContext<String, VerdictOut> context;
  private KeyValueStore<String, DedupPending> pending;

  VerdictProcessor(VerdictDecider decider, int shards, int partitions) {
    this.decider = decider;
    this.shards = shards;
    this.partitions = partitions;
  }

  @Override
  public void init(ProcessorContext<String, VerdictOut> context) {
    this.context = context;
    this.pending = context.getStateStore(DedupStores.PENDING);
    context.schedule(Duration.ofMinutes(1), PunctuationType.STREAM_TIME, this::decideStale);
  }

  @Override
  public void process(Record<String, DedupEnvelope> record) {
    String articleId = record.key();
    DedupEnvelope envelope = record.value();
    String key = pendingKey(articleId, envelope.getInFlight());
    DedupPending state = pending.get(key);
    if (state == null) {
      state =
          DedupPending.newBuilder()
              .setFirstSeenAt(context.currentStreamTimeMs())
              .setHits(new ArrayList<>())
              .build();
    }
    if (envelope.getIsReply()) {
      state.setReceivedReplies(state.getReceivedReplies() + 1);
      List<IndexHit> hits = new ArrayList<>(state.getHits());
      hits.addAll(envelope.getHits());
      state.setHits(hits);
    } else {
      state.setArticle(envelope.getArticle());
      state.setExpectedReplies(envelope.getExpectedReplies());
      state.setOwnKeys(envelope.getOwnKeys());
    }
    if (state.getArticle() != null && state.getReceivedReplies() >= state.getExpectedReplies()) {
      pending.delete(key);
      // the article's own timestamp, not the last reply's: downstream windows count by it
      emit(articleId, state, state.getArticle().getReceivedAt());
    } else {
      pending.put(key, state);
    }
  }

  /**
   * One entry per record of an article, not per id: an updated article sent under the same id while
   * the first version is still waiting for its replies gets a verdict of its own. Records of
   * earlier versions carry no place and keep the id alone.
   */
  static String pendingKey(String articleId, String inFlight) {
    return inFlight.isEmpty() ? articleId : articleId + PENDING_KEY_SEPARATOR + inFlight;
  }

  /**
   * Forwards the verdict and, when the article joined another story, tells its shards so: one
   * request per index partition that holds any of its keys, however many of the shards live there.
   * The shards record the story under the article's id; the keys still go along, so that a shard of
   * the version before, which writes the story into each key, keeps working during an upgrade.
   */
  private void emit(String articleId, DedupPending state, long timestamp) {
    EnrichedArticle decided = decide(state);
    context.forward(new Record<>(articleId, new VerdictOut(decided, null), timestamp));
    String storyId = decided.getDedup().getStoryId();
    if (!storyId.equals(articleId)) {
      for (KeyValue<String, IndexRequest> r :
          IndexKeys.requests(
              IndexRequestKind.ASSIGN_STORY,
              articleId,
              ArticleMapping.eventTime(decided),
              storyId,
              0,
              state.getOwnKeys(),
              shards,
              partitions)) {
        context.forward(new Record<>(r.key, new VerdictOut(null, r.value), timestamp));
      }
    }
  }

  private EnrichedArticle decide(DedupPending state) {
    EnrichedArticle article = state.getArticle();
    List<io.wirewatch.dedup.IndexHit> hits = new ArrayList<>(state.getHits().size());
    for (IndexHit h : state.getHits()) {
      hits.add(new io.wirewatch.dedup.IndexHit(h.getKey(), IndexShardProcessor.fromAvro(h)));
    }
    Verdict verdict =
        decider.decide(
            article.getId(),
            ArticleMapping.eventTime(article),
            fingerprints(state.getOwnKeys()),
            hits);
    return ArticleMapping.withVerdict(article, verdict);
  }

  static Fingerprints fingerprints(List<String> ownKeys) {
    String exact = ownKeys.isEmpty() ? Fingerprints.EXACT_PREFIX : ownKeys.get(0);
    List<String> passages = new ArrayList<>();
    List<String> story = new ArrayList<>();
    for (String k : ownKeys.subList(Math.min(1, ownKeys.size()), ownKeys.size())) {
      (k.startsWith(Fingerprints.STORY_PREFIX) ? story : passages).add(k);
    }
    return new Fingerprints(exact, passages, story);
  }

  private void decideStale(long now) {
    List<KeyValue<String, DedupPending>> stale = new ArrayList<>();
    try (KeyValueIterator<String, DedupPending> it = pending.all()) {
      while (it.hasNext()) {
        KeyValue<String, DedupPending> kv = it.next();
        if (now - kv.value.getFirstSeenAt() > STALE_AFTER.toMillis()) {
          stale.add(kv);
        }
      }
    }
    for (KeyValue<String, DedupPending> kv : stale) {
      pending.delete(kv.key);
      if (kv.value.getArticle() != null) {
        // the key may hold the record's place as well; the article's id is what it came under
        emit(kv.value.getArticle().getId(), kv.value, now);
      }
    }
  }
}
