package io.wirewatch.kafka.dedup;

import io.wirewatch.avro.DedupEnvelope;
import io.wirewatch.avro.IndexHit;
import io.wirewatch.dedup.IndexEntry;
import io.wirewatch.dedup.OwnerWaits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Answers to story queries, held until the stories of the owners they name are recorded on this
 * shard. The verdict step asks only when an owner whose story is still to come could change an
 * article's story (see {@code AwaitedStories}), so few are held; a held answer is indexed by the
 * owners it still waits for ({@link OwnerWaits}), so that recording a story completes its answers
 * without looking at any other.
 *
 * <p>Owners are always earlier articles than the one that asks, so no two answers wait for each
 * other. An owner whose story never comes (its verdict lost to the processing exception handler)
 * holds an answer at most {@code maxWait} of wall-clock time while the task runs; the answer then
 * goes with the story still to come, which the verdict reads as the owner's own id.
 *
 * <p>The store is the durable copy of every answer not yet sent, ready ones included, so an answer
 * held when a task stops goes out after its restart: on opening, each stored answer's owners are
 * looked up once among the recorded stories, and it waits for the others, counting its wait from
 * when the task opened.
 */
final class HeldAnswers {

  // no article id is expected to hold a NUL (see VerdictProcessor), so the id ends at the first
  private static final char ID_END = '\u0000';

  private final KeyValueStore<String, DedupEnvelope> store;
  private final Map<String, Held> held = new HashMap<>();
  private final OwnerWaits waits;
  private List<String> ready = new ArrayList<>();

  /** A held answer and the stories of its owners that have come so far. */
  private record Held(DedupEnvelope reply, Map<String, String> stories) {}

  private HeldAnswers(
      KeyValueStore<String, DedupEnvelope> store,
      long openedAt,
      Duration maxWait,
      Function<IndexHit, Optional<String>> recordedStory) {
    this.store = store;
    this.waits = new OwnerWaits(maxWait);
    try (KeyValueIterator<String, DedupEnvelope> it = store.all()) {
      Map<String, Optional<String>> storyOf = new HashMap<>();
      it.forEachRemaining(kv -> restore(kv.key, kv.value, openedAt, recordedStory, storyOf));
    }
  }

  /**
   * The held replies in the named store; {@code recordedStory} gives an owner's story as recorded
   * on this shard, or empty, and is asked only for the replies found in the store.
   */
  static HeldAnswers open(
      ProcessorContext<?, ?> context,
      String storeName,
      Duration maxWait,
      Function<IndexHit, Optional<String>> recordedStory) {
    return new HeldAnswers(
        context.getStateStore(storeName), context.currentSystemTimeMs(), maxWait, recordedStory);
  }

  /**
   * Holds an answer until its {@link IndexEntry#STORY_TO_COME} owners have their stories recorded
   * on this shard, or hands it to the next release when it has none. {@code place} tells the asking
   * article's records apart.
   */
  void hold(String articleId, String place, DedupEnvelope answer, long now) {
    String key = articleId + ID_END + place;
    if (held.containsKey(key)) {
      // the same query again (a replayed record): its answer is already held
      return;
    }
    Set<String> awaited = awaitedOwners(answer);
    held.put(key, new Held(answer, new HashMap<>(2)));
    // stored even when answered at once: it goes out at the next release, and the task may commit
    // the query's offset before that (a rebalance or a clean close commits without punctuating)
    store.put(key, answer);
    if (awaited.isEmpty()) {
      ready.add(key);
    } else {
      waits.await(key, awaited, now);
    }
  }

  /**
   * An owner's story was recorded on this shard: the replies it was the last awaited owner of go
   * out at the next {@link #releaseReady} or {@link #release}.
   */
  void storyRecorded(String ownerId, String storyId) {
    for (String key : waits.decided(ownerId)) {
      held.get(key).stories().put(ownerId, storyId);
      if (!waits.isWaiting(key)) {
        ready.add(key);
      }
    }
  }

  /** How many replies are held, ready ones included. */
  int size() {
    return held.size();
  }

  /**
   * Hands the replies whose owners' stories have all come, and those that waited {@code maxWait},
   * to {@code release} as (article id, reply), each with the stories that came filled in.
   */
  void release(long now, BiConsumer<String, DedupEnvelope> release) {
    ready.addAll(waits.expired(now));
    releaseReady(release);
  }

  /** Hands the replies whose owners' stories have all come to {@code release}. */
  void releaseReady(BiConsumer<String, DedupEnvelope> release) {
    if (ready.isEmpty()) {
      return;
    }
    List<String> due = ready;
    ready = new ArrayList<>();
    for (String key : due) {
      Held h = held.remove(key);
      if (h == null) {
        continue;
      }
      store.delete(key);
      release.accept(key.substring(0, key.indexOf(ID_END)), filled(h));
    }
  }

  private void restore(
      String key,
      DedupEnvelope reply,
      long openedAt,
      Function<IndexHit, Optional<String>> recordedStory,
      Map<String, Optional<String>> storyOf) {
    Held h = new Held(reply, new HashMap<>(2));
    held.put(key, h);
    List<String> awaited = new ArrayList<>();
    for (IndexHit hit : reply.getHits()) {
      if (!IndexEntry.STORY_TO_COME.equals(hit.getStoryId())) {
        continue;
      }
      Optional<String> story =
          storyOf.computeIfAbsent(hit.getArticleId(), id -> recordedStory.apply(hit));
      if (story.isPresent()) {
        h.stories().put(hit.getArticleId(), story.get());
      } else {
        awaited.add(hit.getArticleId());
      }
    }
    if (awaited.isEmpty()) {
      ready.add(key);
    } else {
      waits.await(key, awaited, openedAt);
    }
  }

  private static Set<String> awaitedOwners(DedupEnvelope reply) {
    Set<String> owners = new LinkedHashSet<>(2);
    for (IndexHit h : reply.getHits()) {
      if (IndexEntry.STORY_TO_COME.equals(h.getStoryId())) {
        owners.add(h.getArticleId());
      }
    }
    return owners;
  }

  /** The reply with the stories that came; an owner whose story did not come gets none. */
  private static DedupEnvelope filled(Held h) {
    List<IndexHit> hits = new ArrayList<>(h.reply().getHits().size());
    for (IndexHit hit : h.reply().getHits()) {
      if (IndexEntry.STORY_TO_COME.equals(hit.getStoryId())) {
        hit = IndexHit.newBuilder(hit).setStoryId(h.stories().get(hit.getArticleId())).build();
      }
      hits.add(hit);
    }
    return DedupEnvelope.newBuilder(h.reply()).setHits(hits).build();
  }
}
