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
import java.util.function.BiConsumer;
import org.apache.kafka.streams.processor.PunctuationType;
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
 *
 * <p>Every decided article that owns a key has its story recorded, its own id included, and a
 * claimant's entry says so ({@link IndexEntry#STORY_TO_COME}): a reply names an owner not decided
 * yet as such, and the verdict step, when that owner's story could change the article's, sends a
 * STORY_QUERY here. Its answer is held ({@link HeldAnswers}) until the story is recorded. Entries
 * claimed by a version before this one carry no such mark and count as decided.
 *
 * <p>Requests come in batches, one record per sending release or verdict record ({@link Carriers});
 * each lookup of a batch is stored in the inbox on its own, as it was before. The replies of one
 * release, and the answers released together, go out as one record per verdict partition ({@link
 * HopBatch}).
 */
final class IndexShardProcessor implements Processor<String, IndexRequest, String, DedupEnvelope> {

  static final String STORY_PREFIX = "a:";

  /**
   * How long an answer waits for an owner's story, in wall-clock time while the task runs. A story
   * normally comes one round trip through the verdict step after the owner's lookup; this only
   * bounds a story that never comes.
   */
  static final Duration STORY_WAIT = Duration.ofMinutes(5);

  /** As often as Streams allows: a check of an empty list when no story came. */
  private static final Duration RELEASE_CHECK = Duration.ofMillis(1);

  private final long windowMillis;
  private final int partitions;
  private final Duration settle;
  private final HeldAnswersByTask heldByTask;
  private ProcessorContext<String, DedupEnvelope> context;
  private WindowStore<String, IndexHit> index;
  private SettleInbox<IndexRequest> inbox;
  private HeldAnswers held;
  private HopBatch<DedupEnvelope> replies;

  /**
   * @param settle sets how often the inbox is checked; null for a processor that only records story
   *     assignments and takes story queries
   * @param heldByTask shared by the two processors of the topology
   * @param partitions the verdict topic's partition count
   */
  IndexShardProcessor(
      long windowMillis, Duration settle, HeldAnswersByTask heldByTask, int partitions) {
    this.windowMillis = windowMillis;
    this.partitions = partitions;
    this.settle = settle;
    this.heldByTask = heldByTask;
  }

  @Override
  public void init(ProcessorContext<String, DedupEnvelope> context) {
    this.context = context;
    this.index = context.getStateStore(DedupStores.INDEX);
    if (settle != null) {
      this.replies = new HopBatch<>(partitions, Carriers::ofEnvelopes);
      this.inbox =
          SettleInbox.open(
              context,
              DedupStores.INBOX,
              DedupStores.INDEX_WATERMARKS,
              settle,
              // the fingerprint partitions send lookups in order; the watermark is all it takes
              Duration.ZERO,
              (claimed, now) -> lookup(claimed.value, now));
      inbox.afterEachRelease(this::sendReplies);
      this.held = HeldAnswers.open(context, DedupStores.HELD, STORY_WAIT, this::recordedStory);
      heldByTask.opened(context.taskId(), held);
      // queries and stories come to the assignment processor of this task, which cannot forward:
      // their answers go out with this processor's next record or its next wall-clock check, and
      // wait in the held store until then, so a commit in between loses none
      context.schedule(
          RELEASE_CHECK,
          PunctuationType.WALL_CLOCK_TIME,
          now -> {
            held.releaseReady(toReplies(now));
            sendReplies();
          });
      context.schedule(
          SettleInbox.tick(settle),
          PunctuationType.WALL_CLOCK_TIME,
          now -> {
            held.release(now, toReplies(now));
            sendReplies();
          });
    }
  }

  @Override
  public void close() {
    if (held != null) {
      heldByTask.closed(context.taskId(), held);
    }
  }

  @Override
  public void process(Record<String, IndexRequest> record) {
    if (held != null) {
      held.releaseReady(toReplies(context.currentSystemTimeMs()));
      sendReplies();
    }
    if (Watermarks.isWatermark(record.key(), record.value())) {
      inbox.watermark(
          Watermarks.input(record.key()),
          Watermarks.watermark(record.key()),
          context.currentSystemTimeMs());
      return;
    }
    List<IndexRequest> lookups = new ArrayList<>();
    try {
      Carriers.takeEach(
          Carriers.requests(record.value()),
          request -> {
            if (request.getKind() == IndexRequestKind.ASSIGN_STORY) {
              assignStory(request);
            } else if (request.getKind() == IndexRequestKind.STORY_QUERY) {
              answerLater(request);
            } else {
              lookups.add(request);
            }
          });
    } finally {
      // each lookup its own inbox entry, as before batches: a batch stored whole would be rewritten
      // every time a release takes some of it, and a batch taken a few lookups at a time (as when
      // one fingerprint partition runs far ahead of another) would write its rest again and again.
      // Stored even when another item of the record threw: takeEach went through them all
      for (IndexRequest lookup : lookups) {
        inbox.put(inboxKey(lookup), lookup, context.currentSystemTimeMs());
      }
    }
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
            request.getArticleId(),
            IndexEntry.STORY_TO_COME,
            request.getEventTime(),
            request.getFeatureCount());
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
            .setArticleId(request.getArticleId())
            .build();
    replies.add(request.getArticleId(), reply, now, HopSizes.of(reply));
  }

  private void sendReplies() {
    replies.send((articleId, reply, at) -> context.forward(new Record<>(articleId, reply, at)));
  }

  /**
   * A story query names owners by id (in its keys): the answer names each with its story as
   * recorded here, and is held until every one has one.
   */
  private void answerLater(IndexRequest query) {
    Optional<HeldAnswers> answers = heldByTask.of(context.taskId());
    if (answers.isEmpty()) {
      // the lookup processor of this task is not open: cannot happen while the task runs
      throw new IllegalStateException("no open index task for the story query of " + query);
    }
    List<IndexHit> hits = new ArrayList<>(query.getKeys().size());
    for (String owner : query.getKeys()) {
      IndexHit asked =
          IndexHit.newBuilder()
              .setKey(storyKey(owner))
              .setArticleId(owner)
              .setStoryId(IndexEntry.STORY_TO_COME)
              .setEventTime(query.getEventTime())
              .setFeatureCount(0)
              .build();
      hits.add(recordedStory(asked).map(s -> withStoryId(asked, s)).orElse(asked));
    }
    DedupEnvelope answer =
        DedupEnvelope.newBuilder()
            .setIsReply(true)
            .setIsStoryAnswer(true)
            .setHits(hits)
            .setArticle(null)
            .setInFlight(query.getInFlight())
            .build();
    // one query per partition and record of the asking article, unless the partitions were
    // counted otherwise (a test driver's single partition): its first owner tells it apart
    String place = query.getInFlight() + '|' + query.getKeys().get(0);
    answers.get().hold(query.getArticleId(), place, answer, context.currentSystemTimeMs());
  }

  private static IndexHit withStoryId(IndexHit hit, String storyId) {
    return IndexHit.newBuilder(hit).setStoryId(storyId).build();
  }

  /**
   * The story recorded for the hit's owner; the hit's time is the asking article's, and the owner
   * was published within the window before it.
   */
  private Optional<String> recordedStory(IndexHit asked) {
    try (WindowStoreIterator<IndexHit> it =
        index.fetch(
            storyKey(asked.getArticleId()),
            asked.getEventTime() - windowMillis,
            asked.getEventTime())) {
      return it.hasNext() ? Optional.ofNullable(it.next().value.getStoryId()) : Optional.empty();
    }
  }

  /** Gathers released answers to go out with the replies; each names its article in a batch. */
  private BiConsumer<String, DedupEnvelope> toReplies(long now) {
    return (articleId, reply) -> {
      DedupEnvelope named = DedupEnvelope.newBuilder(reply).setArticleId(articleId).build();
      replies.add(articleId, named, now, HopSizes.of(named));
    };
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
    heldByTask
        .of(context.taskId())
        .ifPresent(h -> h.storyRecorded(request.getArticleId(), request.getStoryId()));
  }

  /**
   * Where an owner's story is kept: beside its entries, at its event time, so both expire together.
   * The prefix is none of the fingerprints' (x:, p:, s:), so it never meets an index key.
   */
  static String storyKey(String articleId) {
    return STORY_PREFIX + articleId;
  }

  /**
   * The owner with its story: the one written into its entry by an older version, else recorded;
   * else, for an owner whose story is to come, still {@link IndexEntry#STORY_TO_COME}.
   */
  private IndexEntry withStory(IndexEntry owner, Map<String, Optional<String>> storyOf) {
    if (owner.storyId() != null && !owner.storyToCome()) {
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
