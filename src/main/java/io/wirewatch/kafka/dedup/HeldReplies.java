package io.wirewatch.kafka.dedup;

import io.wirewatch.avro.DedupEnvelope;
import io.wirewatch.avro.IndexHit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Shard replies that name an owner whose story has not reached this shard yet, held until it has,
 * so that every reply carries the story its owner was decided into, as in a run that decides each
 * article before the next comes in. A held owner's hit carries {@link
 * IndexShardProcessor#STORY_TO_COME} in place of its story.
 *
 * <p>Owners are always earlier articles than the one replied to, so no two replies wait for each
 * other. An owner whose story never comes (its verdict lost to the processing exception handler)
 * holds a reply at most {@code maxWait} of wall-clock time while the task runs; the reply then goes
 * with the owner's own id as its story, as it did before replies were held.
 *
 * <p>The store is the durable copy, so a reply held when a task stops goes out after its restart;
 * the replies restored count as held from when the task opened, so a stop does not use up their
 * wait. The copy in memory is what each pass reads: the store holds only replies in flight.
 */
final class HeldReplies {

  // no article id is expected to hold a NUL (see VerdictProcessor), so the id ends at the first
  private static final char ID_END = '\u0000';

  private final KeyValueStore<String, DedupEnvelope> store;
  private final TreeMap<String, DedupEnvelope> held = new TreeMap<>();
  private final Map<String, Long> heldAt = new HashMap<>();
  private final long openedAt;
  private final long maxWaitMillis;

  private HeldReplies(KeyValueStore<String, DedupEnvelope> store, long openedAt, Duration maxWait) {
    this.store = store;
    this.openedAt = openedAt;
    this.maxWaitMillis = maxWait.toMillis();
    try (KeyValueIterator<String, DedupEnvelope> it = store.all()) {
      it.forEachRemaining(kv -> held.put(kv.key, kv.value));
    }
  }

  static HeldReplies open(ProcessorContext<?, ?> context, String storeName, Duration maxWait) {
    return new HeldReplies(
        context.getStateStore(storeName), context.currentSystemTimeMs(), maxWait);
  }

  /** True when the reply names an owner whose story has not come yet. */
  static boolean waitsForStory(DedupEnvelope reply) {
    for (IndexHit h : reply.getHits()) {
      if (IndexShardProcessor.STORY_TO_COME.equals(h.getStoryId())) {
        return true;
      }
    }
    return false;
  }

  /** {@code place} tells the article's replies on this partition apart (its inbox key). */
  void hold(String articleId, String place, DedupEnvelope reply, long now) {
    String key = articleId + ID_END + place;
    store.put(key, reply);
    held.put(key, reply);
    heldAt.put(key, now);
  }

  int size() {
    return held.size();
  }

  /**
   * Hands each held reply whose owners' stories have all come, with those stories filled in, or
   * that waited {@code maxWait}, with its owners' own ids, to {@code release} as (article id,
   * reply). {@code recordedStory} gives an owner's recorded story, or empty.
   */
  void release(
      long now,
      Function<IndexHit, Optional<String>> recordedStory,
      BiConsumer<String, DedupEnvelope> release) {
    if (held.isEmpty()) {
      return;
    }
    Map<String, Optional<String>> storyOf = new HashMap<>();
    List<KeyValue<String, DedupEnvelope>> due = new ArrayList<>();
    for (Map.Entry<String, DedupEnvelope> e : held.entrySet()) {
      boolean expired = now - heldAt.getOrDefault(e.getKey(), openedAt) >= maxWaitMillis;
      DedupEnvelope filled = filled(e.getValue(), storyOf, recordedStory, expired);
      if (filled != null) {
        due.add(KeyValue.pair(e.getKey(), filled));
      }
    }
    for (KeyValue<String, DedupEnvelope> kv : due) {
      store.delete(kv.key);
      held.remove(kv.key);
      heldAt.remove(kv.key);
      release.accept(kv.key.substring(0, kv.key.indexOf(ID_END)), kv.value);
    }
  }

  /** The reply with its owners' stories, or null while one has not come and the wait is not up. */
  private static DedupEnvelope filled(
      DedupEnvelope reply,
      Map<String, Optional<String>> storyOf,
      Function<IndexHit, Optional<String>> recordedStory,
      boolean expired) {
    List<IndexHit> hits = new ArrayList<>(reply.getHits().size());
    for (IndexHit h : reply.getHits()) {
      if (!IndexShardProcessor.STORY_TO_COME.equals(h.getStoryId())) {
        hits.add(h);
        continue;
      }
      Optional<String> story =
          storyOf.computeIfAbsent(h.getArticleId(), id -> recordedStory.apply(h));
      if (story.isEmpty() && !expired) {
        return null;
      }
      hits.add(IndexHit.newBuilder(h).setStoryId(story.orElse(null)).build());
    }
    return DedupEnvelope.newBuilder(reply).setHits(hits).build();
  }
}
