package io.wirewatch.dedup;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which owners' stories, still to come, could change an article's story. The index replies at once,
 * naming owners not yet decided; most of them cannot change the verdict, and waiting for each one's
 * story puts a round trip through the verdict step between every article and the next of a chain.
 *
 * <p>A story wins the vote with 3 distinct term pairs, the one whose earliest voter comes first
 * winning. An owner whose story is to come may belong to any story, so it can only add its pairs to
 * one and make it earlier. The answer is conservative: it names owners whenever some placement of
 * theirs could change the winner, or for a copy, whether the winner is earlier than the canonical.
 */
final class AwaitedStories {

  private final int votesNeeded;
  private final long windowMillis;

  AwaitedStories(int votesNeeded, long windowMillis) {
    this.votesNeeded = votesNeeded;
    this.windowMillis = windowMillis;
  }

  /**
   * @param canonical the copy's canonical, or null for an original
   * @return the owners to wait for; empty when the story is settled
   */
  Set<String> of(long eventTime, Collection<IndexHit> hits, IndexEntry canonical) {
    Map<String, Votes> known = new HashMap<>();
    Map<String, IndexEntry> toCome = new LinkedHashMap<>();
    Set<Long> pairsToCome = new HashSet<>();
    IndexEntry firstToCome = null;
    for (IndexHit hit : hits) {
      IndexEntry owner = hit.owner();
      if (!hit.key().startsWith(Fingerprints.STORY_PREFIX)
          || Math.abs(owner.eventTime() - eventTime) > windowMillis) {
        continue;
      }
      long pair = StoryKeys.pairHash(hit.key());
      if (owner.storyToCome()) {
        toCome.put(owner.articleId(), owner);
        pairsToCome.add(pair);
        firstToCome = earlier(firstToCome, owner);
      } else {
        known.computeIfAbsent(owner.effectiveStoryId(), s -> new Votes()).add(owner, pair);
      }
    }
    Votes winner = null;
    for (Votes v : known.values()) {
      if (v.pairs.size() >= votesNeeded
          && (winner == null || v.earliest.precedes(winner.earliest))) {
        winner = v;
      }
    }
    boolean votesOpen =
        !toCome.isEmpty() && upsets(known, winner, pairsToCome, firstToCome, canonical);
    Set<String> awaited = new HashSet<>();
    if (votesOpen) {
      awaited.addAll(toCome.keySet());
    }
    if (canonical != null
        && canonical.storyToCome()
        && (votesOpen || !votedBefore(winner, canonical))) {
      awaited.add(canonical.articleId());
    }
    return awaited;
  }

  /**
   * True when some story that the owners to come could bring to the vote would change the outcome:
   * for an original, a story that beats the winner; for a copy, one that beats it and began before
   * the canonical (only a voted story that early overrides the canonical's).
   */
  private boolean upsets(
      Map<String, Votes> known,
      Votes winner,
      Set<Long> pairsToCome,
      IndexEntry firstToCome,
      IndexEntry canonical) {
    List<IndexEntry> contenders = new ArrayList<>();
    if (pairsToCome.size() >= votesNeeded) {
      // a story of the owners to come alone
      contenders.add(firstToCome);
    }
    for (Votes v : known.values()) {
      if (v == winner) {
        if (canonical != null && !votedBefore(v, canonical) && firstToCome.precedes(v.earliest)) {
          // the winner itself, made earlier: it may then begin before the canonical
          contenders.add(firstToCome);
        }
      } else if (v.withPairs(pairsToCome) >= votesNeeded) {
        contenders.add(earlier(v.earliest, firstToCome));
      }
    }
    for (IndexEntry e : contenders) {
      boolean beatsWinner = winner == null || e.precedes(winner.earliest);
      if (beatsWinner && (canonical == null || e.eventTime() < canonical.eventTime())) {
        return true;
      }
    }
    return false;
  }

  private static boolean votedBefore(Votes winner, IndexEntry canonical) {
    return winner != null && winner.earliest.eventTime() < canonical.eventTime();
  }

  private static IndexEntry earlier(IndexEntry a, IndexEntry b) {
    return a == null || b.precedes(a) ? b : a;
  }

  /** The distinct pairs that vote for one known story, and its earliest voter. */
  private static final class Votes {
    final Set<Long> pairs = new HashSet<>();
    IndexEntry earliest;

    void add(IndexEntry owner, long pair) {
      pairs.add(pair);
      earliest = earlier(earliest, owner);
    }

    int withPairs(Set<Long> more) {
      int n = pairs.size();
      for (long p : more) {
        if (!pairs.contains(p)) {
          n++;
        }
      }
      return n;
    }
  }
}
