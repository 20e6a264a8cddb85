package io.wirewatch.dedup;

import java.util.Collection;
import java.util.Set;

/** Turns the index's answers for one article into its verdict. */
public interface VerdictDecider {
  /**
   * @param eventTime the article's event time in epoch millis
   * @param own the article's own fingerprints
   * @param hits every key of the article that an earlier article already owns
   */
  Verdict decide(String articleId, long eventTime, Fingerprints own, Collection<IndexHit> hits);

  /**
   * The owners among {@code hits} whose story is still to come ({@link IndexEntry#storyToCome}) and
   * could change the verdict's story; empty when {@link #decide} gives, now, the verdict it would
   * give once every story has come.
   */
  default Set<String> awaitedStories(
      String articleId, long eventTime, Fingerprints own, Collection<IndexHit> hits) {
    return Set.of();
  }
}
