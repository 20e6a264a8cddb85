package io.wirewatch.dedup;

import java.util.Optional;

/**
 * The rule one shard of the index applies to a key that an article claims: the earliest claimant
 * owns the key, and a claimant that finds an earlier owner is told about it.
 */
public final class IndexShard {

  private IndexShard() {}

  /** What happens to one key: who owns it afterwards, and the hit to report to the claimant. */
  public record Claim(IndexEntry owner, Optional<IndexHit> hit) {}

  public static Claim claim(String key, IndexEntry existing, IndexEntry claimant) {
    if (existing == null) {
      return new Claim(claimant, Optional.empty());
    }
    if (existing.articleId().equals(claimant.articleId())) {
      // the same article again (a replay after a crash): it keeps its key and learns nothing new
      return new Claim(existing, Optional.empty());
    }
    if (existing.precedes(claimant)) {
      return new Claim(existing, Optional.of(new IndexHit(key, existing)));
    }
    // a late arrival that was published earlier takes the key over from here on
    return new Claim(claimant, Optional.empty());
  }
}
