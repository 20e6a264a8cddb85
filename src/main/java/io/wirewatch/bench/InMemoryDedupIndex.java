package io.wirewatch.bench;

import io.wirewatch.dedup.Fingerprints;
import io.wirewatch.dedup.IndexEntry;
import io.wirewatch.dedup.IndexHit;
import io.wirewatch.dedup.IndexShard;
import io.wirewatch.dedup.Verdict;
import io.wirewatch.dedup.VerdictDecider;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The dedup index's and verdict's per-article work in one thread, over hash maps standing in for
 * the index shards' RocksDB window stores: each key of the article is claimed under {@link
 * IndexShard#claim}, the hits go to the {@link VerdictDecider}, and the verdict's story is recorded
 * for the owners later articles will hit. What it leaves out is the transport: the lookups fanned
 * out by shard, the replies gathered by article id, the inboxes that order them.
 *
 * <p>One entry per key, the earliest owner: the store keeps a key's claims by time and a lookup
 * takes the earliest within the window, which is the same owner while every article lies inside one
 * window, as the bench's do. Unbounded: nothing expires.
 */
public final class InMemoryDedupIndex {

  private final VerdictDecider decider;
  private final Map<String, IndexEntry> owners = new HashMap<>();
  private final Map<String, String> stories = new HashMap<>();

  public InMemoryDedupIndex(VerdictDecider decider) {
    this.decider = Objects.requireNonNull(decider, "decider can't be null");
  }

  /** Claims the article's keys and decides its verdict; its story is then known to later hits. */
  public Verdict decide(String articleId, long eventTime, Fingerprints own) {
    // as a shard files a claimant: its story is recorded once its verdict is out
    IndexEntry claimant =
        new IndexEntry(articleId, IndexEntry.STORY_TO_COME, eventTime, own.passageCount());
    List<IndexHit> hits = new ArrayList<>();
    for (String key : own.allKeys()) {
      IndexShard.Claim claim = IndexShard.claim(key, owners.get(key), claimant);
      if (claim.owner() == claimant) {
        owners.put(key, claimant);
      }
      claim.hit().ifPresent(h -> hits.add(new IndexHit(h.key(), withStory(h.owner()))));
    }
    Verdict verdict = decider.decide(articleId, eventTime, own, hits);
    stories.put(articleId, verdict.storyId());
    return verdict;
  }

  /** Keys owned so far. */
  public int keys() {
    return owners.size();
  }

  private IndexEntry withStory(IndexEntry owner) {
    String story = stories.get(owner.articleId());
    return story == null ? owner : owner.withStoryId(story);
  }
}
