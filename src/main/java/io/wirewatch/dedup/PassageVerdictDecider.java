package io.wirewatch.dedup;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides from shared-key counts alone: an earlier article that holds the exact key, or most of the
 * passage keys, is the canonical copy; otherwise an earlier story that holds enough term-pair keys
 * within the story window is joined.
 */
public final class PassageVerdictDecider implements VerdictDecider {

  private static final Comparator<IndexEntry> EARLIEST_FIRST =
      Comparator.comparingLong(IndexEntry::eventTime).thenComparing(IndexEntry::articleId);

  private final DedupSettings settings;

  public PassageVerdictDecider(DedupSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings can't be null");
  }

  @Override
  public Verdict decide(
      String articleId, long eventTime, Fingerprints own, Collection<IndexHit> hits) {
    Objects.requireNonNull(articleId, "articleId can't be null");
    Objects.requireNonNull(own, "own can't be null");
    Objects.requireNonNull(hits, "hits can't be null");
    return findCopy(own, hits)
        .orElseGet(() -> Verdict.unique(articleId, findStory(articleId, eventTime, hits)));
  }

  private Optional<Verdict> findCopy(Fingerprints own, Collection<IndexHit> hits) {
    Optional<IndexEntry> exact =
        hits.stream()
            .filter(h -> h.key().equals(own.exactKey()))
            .map(IndexHit::owner)
            .min(EARLIEST_FIRST);
    if (exact.isPresent()) {
      return exact.map(o -> new Verdict(DedupStatus.DUPLICATE, o.articleId(), 1.0, story(o)));
    }
    Map<String, SharedPassages> byOwner = new HashMap<>();
    for (IndexHit hit : hits) {
      if (hit.key().startsWith(Fingerprints.PASSAGE_PREFIX)) {
        byOwner.computeIfAbsent(hit.owner().articleId(), id -> new SharedPassages(hit.owner()))
            .count++;
      }
    }
    return byOwner.values().stream()
        .filter(s -> s.count >= settings.minimumSharedPassages())
        .max(
            Comparator.<SharedPassages>comparingInt(s -> s.count)
                .thenComparing(s -> s.owner, EARLIEST_FIRST.reversed()))
        .flatMap(best -> classify(own.passageCount(), best));
  }

  private Optional<Verdict> classify(int ownCount, SharedPassages shared) {
    int ownerCount = Math.max(shared.owner.featureCount(), shared.count);
    double ofOwn = (double) shared.count / Math.max(ownCount, shared.count);
    double ofOwner = (double) shared.count / ownerCount;
    DedupStatus status;
    if (Math.min(ofOwn, ofOwner) >= settings.duplicateContainment()) {
      status = DedupStatus.DUPLICATE;
    } else if (Math.max(ofOwn, ofOwner) >= settings.syndicationContainment()) {
      status = DedupStatus.SYNDICATED;
    } else {
      return Optional.empty();
    }
    IndexEntry owner = shared.owner;
    return Optional.of(new Verdict(status, owner.articleId(), ofOwn, story(owner)));
  }

  /**
   * The story with the most term-pair votes from owners within the window, or the article's own.
   */
  private String findStory(String articleId, long eventTime, Collection<IndexHit> hits) {
    long window = settings.storyWindow().toMillis();
    Map<String, Set<String>> pairsByStory = new HashMap<>();
    Map<String, IndexEntry> earliestByStory = new HashMap<>();
    for (IndexHit hit : hits) {
      IndexEntry owner = hit.owner();
      if (hit.key().startsWith(Fingerprints.STORY_PREFIX)
          && Math.abs(owner.eventTime() - eventTime) <= window) {
        String story = story(owner);
        pairsByStory.computeIfAbsent(story, s -> new HashSet<>()).add(StoryKeys.pairOf(hit.key()));
        earliestByStory.merge(story, owner, (a, b) -> EARLIEST_FIRST.compare(a, b) <= 0 ? a : b);
      }
    }
    return pairsByStory.entrySet().stream()
        .filter(e -> e.getValue().size() >= settings.storyVotes())
        .max(
            Comparator.<Map.Entry<String, Set<String>>>comparingInt(e -> e.getValue().size())
                .thenComparing(e -> earliestByStory.get(e.getKey()), EARLIEST_FIRST.reversed()))
        .map(Map.Entry::getKey)
        .orElse(articleId);
  }

  private static String story(IndexEntry owner) {
    return owner.effectiveStoryId();
  }

  private static final class SharedPassages {
    final IndexEntry owner;
    int count;

    SharedPassages(IndexEntry owner) {
      this.owner = owner;
    }
  }
}
