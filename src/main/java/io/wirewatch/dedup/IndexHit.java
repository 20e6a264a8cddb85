package io.wirewatch.dedup;

import java.util.Objects;

/** One key of an article that an earlier article already holds. */
public record IndexHit(String key, IndexEntry owner) {
  public IndexHit {
    Objects.requireNonNull(key, "key can't be null");
    Objects.requireNonNull(owner, "owner can't be null");
  }
}
