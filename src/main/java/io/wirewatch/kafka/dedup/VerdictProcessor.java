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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
 *
 * <p>A reply may name an owner whose verdict is still to come. When the decider says such an
 * owner's story could change the article's, the article waits: a STORY_QUERY goes to a shard
 * holding a key of each such owner, and the verdict is given once every answer is in. Owners are
 * earlier articles, so no two articles wait for each other; most articles wait for none.
 *
 * <p>Envelopes come in batches ({@link Carriers}), each taken as if it had come alone; the story
 * assignments and queries that one input record gives go out as one record per index partition
 * ({@link HopBatch}).
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
  private HopBatch<IndexRequest> toIndex;

  VerdictProcessor(VerdictDecider decider, int shards, int partitions) {
    this.decider = decider;
    this.shards = shards;
    this.partitions = partitions;
  }

  @Override
  public void init(ProcessorContext<String, VerdictOut> context) {
    this.context = context;
    this.pending = context.getStateStore(DedupStores.PENDING);
    this.toIndex = new HopBatch<>(partitions, Carriers::ofRequests);
    context.schedule(Duration.ofMinutes(1), PunctuationType.STREAM_TIME, this::decideStale);
  }

  @Override
  public void process(Record<String, DedupEnvelope> record) {
    try {
      Carriers.takeEach(
          Carriers.envelopes(record.value()), e -> take(Carriers.articleId(record.key(), e), e));
    } finally {
      sendToIndex();
    }
  }

  private void sendToIndex() {
    toIndex.send(
        (shard, request, ts) ->
            context.forward(new Record<>(shard, new VerdictOut(null, request), ts)));
  }

  private void take(String articleId, DedupEnvelope envelope) {
    String key = pendingKey(articleId, envelope.getInFlight());
    DedupPending state = pending.get(key);
    if (envelope.getIsStoryAnswer()) {
      if (state != null) {
        // an answer to an article decided meanwhile (by staleness) finds nothing and is dropped
        takeAnswer(articleId, key, state, envelope);
      }
      return;
    }
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
    if (state.getArticle() != null
        && state.getReceivedReplies() >= state.getExpectedReplies()
        && !askForStories(articleId, envelope.getInFlight(), state)) {
      pending.delete(key);
      // the article's own timestamp, not the last reply's: downstream windows count by it
      emit(articleId, state, state.getArticle().getReceivedAt());
    } else {
      pending.put(key, state);
    }
  }

  /**
   * Sends a story query for each owner whose story, still to come, could change the verdict; false
   * when there is none and the verdict can be given now.
   */
  private boolean askForStories(String articleId, String inFlight, DedupPending state) {
    EnrichedArticle article = state.getArticle();
    List<io.wirewatch.dedup.IndexHit> hits = hits(state);
    Set<String> awaited =
        decider.awaitedStories(
            article.getId(),
            ArticleMapping.eventTime(article),
            fingerprints(state.getOwnKeys()),
            hits);
    if (awaited.isEmpty()) {
      return false;
    }
    List<KeyValue<String, IndexRequest>> queries =
        storyQueries(articleId, ArticleMapping.eventTime(article), awaited, hits);
    for (KeyValue<String, IndexRequest> q : queries) {
      // the answer comes back under the same record of the article
      q.value.setInFlight(inFlight);
      toIndex.add(q.key, q.value, article.getReceivedAt(), HopSizes.of(q.value));
    }
    state.setStoryQueries(queries.size());
    return true;
  }

  /**
   * One query per index partition, naming the awaited owners whose first hit key lives there: the
   * owner owns that key, so its story is recorded on that partition.
   */
  private List<KeyValue<String, IndexRequest>> storyQueries(
      String articleId,
      long eventTime,
      Set<String> awaited,
      List<io.wirewatch.dedup.IndexHit> hits) {
    Map<Integer, String> shardOfPartition = new TreeMap<>();
    Map<String, List<String>> ownersByShard = new HashMap<>();
    Set<String> placed = new HashSet<>();
    for (io.wirewatch.dedup.IndexHit h : hits) {
      String owner = h.owner().articleId();
      if (awaited.contains(owner) && placed.add(owner)) {
        String shard = IndexKeys.shardOf(h.key(), shards);
        String first =
            shardOfPartition.computeIfAbsent(IndexKeys.partitionOf(shard, partitions), p -> shard);
        ownersByShard.computeIfAbsent(first, s -> new ArrayList<>()).add(owner);
      }
    }
    List<KeyValue<String, IndexRequest>> out = new ArrayList<>();
    for (String shard : shardOfPartition.values()) {
      out.add(
          KeyValue.pair(
              shard,
              IndexRequest.newBuilder()
                  .setKind(IndexRequestKind.STORY_QUERY)
                  .setArticleId(articleId)
                  .setEventTime(eventTime)
                  .setStoryId(null)
                  .setFeatureCount(0)
                  .setKeys(ownersByShard.get(shard))
                  .build()));
    }
    return out;
  }

  /** Fills in the stories an answer brings; the verdict goes once every answer is in. */
  private void takeAnswer(String articleId, String key, DedupPending state, DedupEnvelope answer) {
    Map<String, String> storyOf = new HashMap<>();
    for (IndexHit h : answer.getHits()) {
      storyOf.put(h.getArticleId(), h.getStoryId());
    }
    List<IndexHit> hits = new ArrayList<>(state.getHits().size());
    for (IndexHit h : state.getHits()) {
      hits.add(
          storyOf.containsKey(h.getArticleId())
              ? IndexHit.newBuilder(h).setStoryId(storyOf.get(h.getArticleId())).build()
              : h);
    }
    state.setHits(hits);
    state.setStoryAnswers(state.getStoryAnswers() + 1);
    if (state.getStoryAnswers() >= state.getStoryQueries()) {
      pending.delete(key);
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
   * Forwards the verdict and tells its shards the article's story, its own id included: one request
   * per index partition that holds any of the keys it owns, however many of the shards live there.
   * A later article may name this one, and ask for its story, only where it owns a key; an exact
   * copy owns none and sends nothing. The shards record the story under the article's id; the keys
   * still go along, so that a shard of an older version, which writes the story into each key,
   * keeps working during an upgrade.
   */
  private void emit(String articleId, DedupPending state, long timestamp) {
    EnrichedArticle decided = decide(state);
    context.forward(new Record<>(articleId, new VerdictOut(decided, null), timestamp));
    for (KeyValue<String, IndexRequest> r :
        IndexKeys.requests(
            IndexRequestKind.ASSIGN_STORY,
            articleId,
            ArticleMapping.eventTime(decided),
            decided.getDedup().getStoryId(),
            0,
            ownedKeys(state),
            shards,
            partitions)) {
      toIndex.add(r.key, r.value, timestamp, HopSizes.of(r.value));
    }
  }

  /**
   * The article's keys that no earlier article held: a shard replies with a hit for every key it
   * found an earlier owner of, and the claimant takes every other.
   */
  static List<String> ownedKeys(DedupPending state) {
    if (state.getHits().isEmpty()) {
      return state.getOwnKeys();
    }
    Set<String> held = new HashSet<>(state.getHits().size() * 2);
    for (IndexHit h : state.getHits()) {
      held.add(h.getKey());
    }
    List<String> owned = new ArrayList<>(state.getOwnKeys().size());
    for (String k : state.getOwnKeys()) {
      if (!held.contains(k)) {
        owned.add(k);
      }
    }
    return owned;
  }

  /**
   * The verdict with the stories known now; an owner whose story never came counts as its own, as
   * before stories were asked for.
   */
  private EnrichedArticle decide(DedupPending state) {
    EnrichedArticle article = state.getArticle();
    Verdict verdict =
        decider.decide(
            article.getId(),
            ArticleMapping.eventTime(article),
            fingerprints(state.getOwnKeys()),
            hits(state));
    return ArticleMapping.withVerdict(article, verdict);
  }

  private static List<io.wirewatch.dedup.IndexHit> hits(DedupPending state) {
    List<io.wirewatch.dedup.IndexHit> hits = new ArrayList<>(state.getHits().size());
    for (IndexHit h : state.getHits()) {
      hits.add(new io.wirewatch.dedup.IndexHit(h.getKey(), IndexShardProcessor.fromAvro(h)));
    }
    return hits;
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
    sendToIndex();
  }
}
