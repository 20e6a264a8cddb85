package io.wirewatch.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AwaitedStoriesTest {

  private static final long NOW = 1_000_000_000L;
  private static final String TO_COME = IndexEntry.STORY_TO_COME;
  private final PassageVerdictDecider decider =
      new PassageVerdictDecider(DedupSettings.defaults(DocumentFrequencies.empty()));

  private static IndexEntry owner(String id, String story, long hoursBefore) {
    return new IndexEntry(id, story, NOW - Duration.ofHours(hoursBefore).toMillis(), 30);
  }

  private static List<IndexHit> storyHits(IndexEntry owner, int... pairs) {
    List<IndexHit> hits = new ArrayList<>();
    for (int p : pairs) {
      hits.add(new IndexHit(StoryKeys.key("pair" + p, 0), owner));
    }
    return hits;
  }

  private static Fingerprints own() {
    return new Fingerprints("x:own", List.of(), List.of());
  }

  private Set<String> awaited(List<IndexHit> hits) {
    return decider.awaitedStories("b", NOW, own(), hits);
  }

  @Test
  void shouldWaitForNoOneWhenEveryStoryIsKnown() {
    List<IndexHit> hits = storyHits(owner("a", "s-1", 5), 1, 2, 3);
    assertEquals(Set.of(), awaited(hits));
  }

  @Test
  void shouldNotWaitForALaterOwnerWhenAnEarlierStoryWinsAlready() {
    List<IndexHit> hits = new ArrayList<>(storyHits(owner("a", "s-1", 5), 1, 2, 3));
    hits.addAll(storyHits(owner("c", TO_COME, 1), 4, 5, 6));
    assertEquals(Set.of(), awaited(hits));
  }

  @Test
  void shouldWaitForAnEarlierOwnerThatCouldStartAnEarlierStory() {
    List<IndexHit> hits = new ArrayList<>(storyHits(owner("a", "s-1", 1), 1, 2, 3));
    hits.addAll(storyHits(owner("c", TO_COME, 5), 4, 5, 6));
    assertEquals(Set.of("c"), awaited(hits));
  }

  @Test
  void shouldWaitForOwnersThatCouldTogetherReachTheVotesNeeded() {
    List<IndexHit> hits = new ArrayList<>(storyHits(owner("a", TO_COME, 5), 1, 2));
    hits.addAll(storyHits(owner("c", "s-1", 4), 3));
    assertEquals(Set.of("a"), awaited(hits));
  }

  @Test
  void shouldWaitForACanonicalWhoseStoryIsToCome() {
    IndexEntry canonical = owner("a", TO_COME, 5);
    List<IndexHit> hits = List.of(new IndexHit("x:own", canonical));
    assertEquals(Set.of("a"), awaited(hits));
  }

  @Test
  void shouldNotWaitForACanonicalWhenAnEarlierStoryIsVotedFor() {
    List<IndexHit> hits = new ArrayList<>(storyHits(owner("z", "s-1", 9), 1, 2, 3));
    hits.add(new IndexHit("x:own", owner("a", TO_COME, 5)));
    assertEquals(Set.of(), awaited(hits));
  }

  /**
   * Whatever stories the owners left unawaited turn out to have, the verdict is the one it would be
   * with them known: the property that makes waiting for only the awaited ones exact.
   */
  @Test
  void shouldGiveTheSameVerdictWhateverTheUnawaitedOwnersStoriesAre() {
    Random random = new Random(7);
    int checked = 0;
    for (int round = 0; round < 20_000; round++) {
      List<IndexEntry> owners = new ArrayList<>();
      int count = 2 + random.nextInt(5);
      for (int i = 0; i < count; i++) {
        String story =
            random.nextInt(3) == 0
                ? TO_COME
                : random.nextBoolean() ? null : "s-" + random.nextInt(3);
        owners.add(owner("o" + i, story, 1 + random.nextInt(100)));
      }
      List<IndexHit> hits = new ArrayList<>();
      for (IndexEntry o : owners) {
        for (int p = 0; p < 6; p++) {
          if (random.nextInt(3) == 0) {
            hits.add(new IndexHit(StoryKeys.key("pair" + p, 0), o));
          }
        }
      }
      if (random.nextBoolean()) {
        hits.add(new IndexHit("x:own", owners.get(random.nextInt(owners.size()))));
      }
      Set<String> awaited = awaited(hits);
      // the awaited owners' stories come: each gets one at random
      Map<String, String> came = new HashMap<>();
      for (String a : awaited) {
        came.put(a, randomStory(random, owners));
      }
      Verdict reference = decider.decide("b", NOW, own(), withStories(hits, came, Map.of()));
      for (int trial = 0; trial < 8; trial++) {
        Map<String, String> rest = new HashMap<>();
        for (IndexEntry o : owners) {
          if (o.storyToCome() && !awaited.contains(o.articleId())) {
            rest.put(o.articleId(), randomStory(random, owners));
          }
        }
        assertEquals(
            reference,
            decider.decide("b", NOW, own(), withStories(hits, came, rest)),
            "hits " + hits + ", awaited " + awaited + ", came " + came + ", rest " + rest);
        checked++;
      }
    }
    assertEquals(160_000, checked);
  }

  private static String randomStory(Random random, List<IndexEntry> owners) {
    int pick = random.nextInt(owners.size() + 3);
    return pick < owners.size() ? owners.get(pick).articleId() : "s-" + (pick - owners.size());
  }

  private static List<IndexHit> withStories(
      List<IndexHit> hits, Map<String, String> came, Map<String, String> rest) {
    List<IndexHit> out = new ArrayList<>(hits.size());
    for (IndexHit h : hits) {
      String id = h.owner().articleId();
      String story = came.containsKey(id) ? came.get(id) : rest.get(id);
      out.add(story == null ? h : new IndexHit(h.key(), h.owner().withStoryId(story)));
    }
    return out;
  }
}
