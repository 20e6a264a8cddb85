package io.wirewatch.dedup;

import java.util.Comparator;
import java.util.Objects;

/**
 * The article that owns an index key: the earliest by event time, ties broken by id so that every
 * shard, in every run, picks the same owner.
 *
 * @param storyId the owner's story once decided; null while it is still the owner's own id
 * @param featureCount how many passage fingerprints the owner has, to turn shared counts into
 *     ratios
 */
public record IndexEntry(String articleId, String storyId, long eventTime, int featureCount) {

  private static final Comparator<IndexEntry> EARLIEST_FIRST =
      Comparator.comparingLong(IndexEntry::eventTime).thenComparing(IndexEntry::articleId);

  public IndexEntry {
    Objects.requireNonNull(articleId, "articleId can't be null");
  }

  /** True when this entry should own a key that {@code other} also claims. */
  public boolean precedes(IndexEntry other) {
    return EARLIEST_FIRST.compare(this, other) < 0;
  }

  /** The story this owner belongs to. */
  public String effectiveStoryId() {
    return storyId != null ? storyId : articleId;
  }

  public IndexEntry withStoryId(String newStoryId) {
    return new IndexEntry(articleId, newStoryId, eventTime, featureCount);
  }
}
