package io.wirewatch.dedup;

import java.util.Collection;

/** Turns the index's answers for one article into its verdict. */
public interface VerdictDecider {
  /**
   * @param eventTime the article's event time in epoch millis
   * @param own the article's own fingerprints
   * @param hits every key of the article that an earlier article already owns
   */
  Verdict decide(String articleId, long eventTime, Fingerprints own, Collection<IndexHit> hits);
}
