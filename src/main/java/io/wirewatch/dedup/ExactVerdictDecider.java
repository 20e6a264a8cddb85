package io.wirewatch.dedup;

import java.util.Collection;
import java.util.Comparator;

/** An article whose exact key an earlier article holds is its DUPLICATE; anything else is UNIQUE. */
public final class ExactVerdictDecider implements VerdictDecider {

  @Override
  public Verdict decide(
      String articleId, long eventTime, Fingerprints own, Collection<IndexHit> hits) {
    return hits.stream()
        .filter(h -> h.key().equals(own.exactKey()))
        .map(IndexHit::owner)
        .min(Comparator.comparingLong(IndexEntry::eventTime).thenComparing(IndexEntry::articleId))
        .map(o -> new Verdict(DedupStatus.DUPLICATE, o.articleId(), 1.0, o.effectiveStoryId()))
        .orElseGet(() -> Verdict.unique(articleId, articleId));
  }
}
