package io.wirewatch.dedup;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Decides from shared-key counts alone: an earlier article that holds the exact key, or most of the
 * passage keys, is the canonical copy; otherwise an earlier story that holds enough term-pair keys
 * within the story window is joined.
 */
public final class PassageVerdictDecider implements VerdictDecider {

  private final DedupSettings settings;
  private final AwaitedStories awaited;

  public PassageVerdictDecider(DedupSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings can't be null");
    this.awaited = new AwaitedStories(settings.storyVotes(), settings.storyWindow().toMillis());
  }

  @Override
  public Set<String> awaitedStories(
      String articleId, long eventTime, Fingerprints own, Collection<IndexHit> hits) {
    Objects.requireNonNull(own, "own can't be null");
    Objects.requireNonNull(hits, "hits can't be null");
    Copy copy = findCopy(own, hits);
    return awaited.of(eventTime, hits, copy == null ? null : copy.canonical());
  }

  @Override
  public Verdict decide(
      String articleId, long eventTime, Fingerprints own, Collection<IndexHit> hits) {
    Objects.requireNonNull(articleId, "articleId can't be null");
    Objects.requireNonNull(own, "own can't be null");
    Objects.requireNonNull(hits, "hits can't be null");
    // plain branches and nulls, not Optional and lambdas: in profiles of the dedup bench, the
    // capturing lambdas here were compiled differently from one JVM to the next (up to 16% of the
    // step in one, under 2% in another)
    StoryCandidate voted = votedStory(eventTime, hits);
    Copy copy = findCopy(own, hits);
    if (copy != null) {
      return inEarliestStory(copy, voted);
    }
    return Verdict.unique(articleId, voted == null ? articleId : voted.storyId());
  }

  /**
   * A copy belongs to its canonical's story, but the canonical's own story may not be written back
   * to the index yet when both arrive together; a story the copy's terms vote for that began
   * earlier is then the one the canonical joined too.
   */
  private static Verdict inEarliestStory(Copy copy, StoryCandidate voted) {
    if (voted != null && voted.earliest().eventTime() < copy.canonicalEventTime()) {
      return copy.withStory(voted.storyId());
    }
    return copy.verdict();
  }

  /** A copy's verdict with its canonical's index entry. */
  private record Copy(Verdict verdict, IndexEntry canonical) {
    long canonicalEventTime() {
      return canonical.eventTime();
    }

    Verdict withStory(String storyId) {
      return new Verdict(verdict.status(), verdict.canonicalId(), verdict.similarity(), storyId);
    }
  }

  /** A story the article's term pairs vote for, with its earliest article seen. */
  private record StoryCandidate(String storyId, IndexEntry earliest) {}

  // Loops rather than streams, and owners counted in one map: the decider runs once per article
  // on up to ~100 hits, and stream pipelines cost more than the counting.
  /** The earlier article this one copies, or null. */
  private Copy findCopy(Fingerprints own, Collection<IndexHit> hits) {
    String exactKey = own.exactKey();
    IndexEntry exact = null;
    Map<String, SharedPassages> byOwner = null;
    for (IndexHit hit : hits) {
      String key = hit.key();
      IndexEntry owner = hit.owner();
      if (key.equals(exactKey)) {
        if (exact == null || earlier(owner, exact)) {
          exact = owner;
        }
      } else if (exact == null && key.startsWith(Fingerprints.PASSAGE_PREFIX)) {
        if (byOwner == null) {
          byOwner = new HashMap<>();
        }
        SharedPassages shared = byOwner.get(owner.articleId());
        if (shared == null) {
          shared = new SharedPassages(owner);
          byOwner.put(owner.articleId(), shared);
        }
        shared.count++;
      }
    }
    if (exact != null) {
      return new Copy(
          new Verdict(DedupStatus.DUPLICATE, exact.articleId(), 1.0, story(exact)), exact);
    }
    if (byOwner == null) {
      return null;
    }
    // the owner sharing most passages; on a tie, the earliest of them
    SharedPassages best = null;
    for (SharedPassages candidate : byOwner.values()) {
      if (candidate.count >= settings.minimumSharedPassages()
          && (best == null
              || candidate.count > best.count
              || candidate.count == best.count && earlier(candidate.owner, best.owner))) {
        best = candidate;
      }
    }
    return best == null ? null : classify(own.passageCount(), best);
  }

  private Copy classify(int ownCount, SharedPassages shared) {
    int ownerCount = Math.max(shared.owner.featureCount(), shared.count);
    double ofOwn = (double) shared.count / Math.max(ownCount, shared.count);
    double ofOwner = (double) shared.count / ownerCount;
    DedupStatus status;
    if (Math.min(ofOwn, ofOwner) >= settings.duplicateContainment()) {
      status = DedupStatus.DUPLICATE;
    } else if (Math.max(ofOwn, ofOwner) >= settings.syndicationContainment()) {
      status = DedupStatus.SYNDICATED;
    } else {
      return null;
    }
    IndexEntry owner = shared.owner;
    return new Copy(new Verdict(status, owner.articleId(), ofOwn, story(owner)), owner);
  }

  /**
   * The earliest story that enough term pairs vote for within the window. Earliest rather than most
   * voted: write-ups that arrive together each vote before their own stories are written back, and
   * they all reach the story that began first.
   */
  private StoryCandidate votedStory(long eventTime, Collection<IndexHit> hits) {
    long window = settings.storyWindow().toMillis();
    Map<String, StoryVotes> byStory = null;
    for (IndexHit hit : hits) {
      IndexEntry owner = hit.owner();
      String key = hit.key();
      if (key.startsWith(Fingerprints.STORY_PREFIX)
          && Math.abs(owner.eventTime() - eventTime) <= window) {
        if (byStory == null) {
          byStory = new HashMap<>();
        }
        String story = story(owner);
        StoryVotes votes = byStory.get(story);
        if (votes == null) {
          votes = new StoryVotes(story, owner);
          byStory.put(story, votes);
        } else if (earlier(owner, votes.earliest)) {
          votes.earliest = owner;
        }
        votes.addPair(StoryKeys.pairHash(key));
      }
    }
    if (byStory == null) {
      return null;
    }
    StoryVotes first = null;
    for (StoryVotes votes : byStory.values()) {
      if (votes.pairCount >= settings.storyVotes()
          && (first == null || earlier(votes.earliest, first.earliest))) {
        first = votes;
      }
    }
    return first == null ? null : new StoryCandidate(first.storyId, first.earliest);
  }

  /** The distinct term pairs that vote for one story, and its earliest article seen. */
  private static final class StoryVotes {
    final String storyId;
    IndexEntry earliest;
    // an article has 21 pairs; a linear scan of a handful of longs beats a HashSet of Strings
    long[] pairs = new long[8];
    int pairCount;

    StoryVotes(String storyId, IndexEntry earliest) {
      this.storyId = storyId;
      this.earliest = earliest;
    }

    void addPair(long pair) {
      for (int i = 0; i < pairCount; i++) {
        if (pairs[i] == pair) {
          return;
        }
      }
      if (pairCount == pairs.length) {
        pairs = Arrays.copyOf(pairs, pairCount * 2);
      }
      pairs[pairCount++] = pair;
    }
  }

  /** Whether {@code a} comes before {@code b}: by event time, then by article id. */
  private static boolean earlier(IndexEntry a, IndexEntry b) {
    int byTime = Long.compare(a.eventTime(), b.eventTime());
    return byTime < 0 || byTime == 0 && a.articleId().compareTo(b.articleId()) < 0;
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
