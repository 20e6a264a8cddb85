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
 * The decider before the allocation-light rewrite, verbatim, for the before/after benchmark and the
 * equivalence test.
 *
 * <p>Decides from shared-key counts alone: an earlier article that holds the exact key, or most of
 * the passage keys, is the canonical copy; otherwise an earlier story that holds enough term-pair
 * keys within the story window is joined.
 */
public final class LegacyVerdictDecider implements VerdictDecider {

  private static final Comparator<IndexEntry> EARLIEST_FIRST =
      Comparator.comparingLong(IndexEntry::eventTime).thenComparing(IndexEntry::articleId);

  private final DedupSettings settings;

  public LegacyVerdictDecider(DedupSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings can't be null");
  }

  @Override
  public Verdict decide(
      String articleId, long eventTime, Fingerprints own, Collection<IndexHit> hits) {
    Objects.requireNonNull(articleId, "articleId can't be null");
    Objects.requireNonNull(own, "own can't be null");
    Objects.requireNonNull(hits, "hits can't be null");
    Optional<StoryCandidate> voted = votedStory(eventTime, hits);
    return findCopy(own, hits)
        .map(copy -> inEarliestStory(copy, voted))
        .orElseGet(
            () -> Verdict.unique(articleId, voted.map(StoryCandidate::storyId).orElse(articleId)));
  }

  /**
   * A copy belongs to its canonical's story, but the canonical's own story may not be written back
   * to the index yet when both arrive together; a story the copy's terms vote for that began
   * earlier is then the one the canonical joined too.
   */
  private static Verdict inEarliestStory(Copy copy, Optional<StoryCandidate> voted) {
    return voted
        .filter(v -> v.earliest().eventTime() < copy.canonicalEventTime())
        .map(v -> copy.withStory(v.storyId()))
        .orElse(copy.verdict());
  }

  /** A copy's verdict with the event time of its canonical. */
  private record Copy(Verdict verdict, long canonicalEventTime) {
    String canonicalId() {
      return verdict.canonicalId();
    }

    Verdict withStory(String storyId) {
      return new Verdict(verdict.status(), verdict.canonicalId(), verdict.similarity(), storyId);
    }
  }

  /** A story the article's term pairs vote for, with its earliest article seen. */
  private record StoryCandidate(String storyId, IndexEntry earliest) {}

  private Optional<Copy> findCopy(Fingerprints own, Collection<IndexHit> hits) {
    Optional<IndexEntry> exact =
        hits.stream()
            .filter(h -> h.key().equals(own.exactKey()))
            .map(IndexHit::owner)
            .min(EARLIEST_FIRST);
    if (exact.isPresent()) {
      return exact.map(
          o ->
              new Copy(
                  new Verdict(DedupStatus.DUPLICATE, o.articleId(), 1.0, story(o)), o.eventTime()));
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

  private Optional<Copy> classify(int ownCount, SharedPassages shared) {
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
    return Optional.of(
        new Copy(new Verdict(status, owner.articleId(), ofOwn, story(owner)), owner.eventTime()));
  }

  /**
   * The earliest story that enough term pairs vote for within the window. Earliest rather than most
   * voted: write-ups that arrive together each vote before their own stories are written back, and
   * they all reach the story that began first.
   */
  private Optional<StoryCandidate> votedStory(long eventTime, Collection<IndexHit> hits) {
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
        .map(e -> new StoryCandidate(e.getKey(), earliestByStory.get(e.getKey())))
        .min(Comparator.comparing(StoryCandidate::earliest, EARLIEST_FIRST));
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
