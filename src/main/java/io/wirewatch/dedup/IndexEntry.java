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

  /**
   * The story of an owner that is not decided yet, as far as the index knows: its story is to be
   * recorded under its id. One byte on the changelog, against the null an older version writes.
   */
  public static final String STORY_TO_COME = "";

  private static final Comparator<IndexEntry> EARLIEST_FIRST =
      Comparator.comparingLong(IndexEntry::eventTime).thenComparing(IndexEntry::articleId);

  public IndexEntry {
    Objects.requireNonNull(articleId, "articleId can't be null");
  }

  /** True when this entry should own a key that {@code other} also claims. */
  public boolean precedes(IndexEntry other) {
    return EARLIEST_FIRST.compare(this, other) < 0;
  }

  /**
   * The story this owner belongs to; its own id when none was recorded, or when it is still to come
   * and the decision cannot wait for it any longer.
   */
  public String effectiveStoryId() {
    return storyId != null && !storyId.equals(STORY_TO_COME) ? storyId : articleId;
  }

  /** True when the owner's story is still to be decided. */
  public boolean storyToCome() {
    return STORY_TO_COME.equals(storyId);
  }

  public IndexEntry withStoryId(String newStoryId) {
    return new IndexEntry(articleId, newStoryId, eventTime, featureCount);
  }
}
