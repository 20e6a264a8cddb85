package io.wirewatch.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PassageVerdictDeciderTest {

  private static final long NOW = 1_000_000_000L;
  private final PassageVerdictDecider decider =
      new PassageVerdictDecider(DedupSettings.defaults(DocumentFrequencies.empty()));

  private static Fingerprints own(int passages, int storyPairs) {
    return new Fingerprints(
        "x:own",
        IntStream.range(0, passages).mapToObj(i -> "p:" + i).toList(),
        IntStream.range(0, storyPairs).mapToObj(i -> StoryKeys.key("pair" + i, 0)).toList());
  }

  private static List<IndexHit> passageHits(int count, IndexEntry owner) {
    List<IndexHit> hits = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      hits.add(new IndexHit("p:" + i, owner));
    }
    return hits;
  }

  private static IndexEntry earlier(String id, int featureCount) {
    return new IndexEntry(id, null, NOW - 3_600_000, featureCount);
  }

  @Test
  void shouldMarkExactKeyHitAsDuplicateOfItsOwner() {
    IndexEntry owner = new IndexEntry("a", "story-1", NOW - 1, 40);
    Verdict v = decider.decide("b", NOW, own(40, 0), List.of(new IndexHit("x:own", owner)));
    assertEquals(new Verdict(DedupStatus.DUPLICATE, "a", 1.0, "story-1"), v);
  }

  @Test
  void shouldMarkMostlySharedPassagesBothWaysAsDuplicate() {
    Verdict v = decider.decide("b", NOW, own(40, 0), passageHits(34, earlier("a", 40)));
    assertEquals(DedupStatus.DUPLICATE, v.status());
    assertEquals("a", v.canonicalId());
    assertEquals(0.85, v.similarity(), 1e-9);
  }

  @Test
  void shouldMarkReprintWithNewIntroAsSyndicated() {
    // 30 of the reprint's 40 passages come from a 90-passage original
    Verdict v = decider.decide("b", NOW, own(40, 0), passageHits(30, earlier("a", 90)));
    assertEquals(DedupStatus.SYNDICATED, v.status());
    assertEquals("a", v.canonicalId());
    assertEquals("a", v.storyId());
  }

  @Test
  void shouldKeepArticleSharingAQuoteUnique() {
    Verdict v = decider.decide("b", NOW, own(60, 0), passageHits(4, earlier("a", 60)));
    assertEquals(Verdict.unique("b", "b"), v);
  }

  @Test
  void shouldPreferTheCandidateSharingMostPassages() {
    List<IndexHit> hits = new ArrayList<>(passageHits(30, earlier("a", 40)));
    for (int i = 0; i < 5; i++) {
      hits.set(i, new IndexHit(hits.get(i).key(), earlier("z", 40)));
    }
    Verdict v = decider.decide("b", NOW, own(40, 0), hits);
    assertEquals("a", v.canonicalId());
  }

  @Test
  void shouldJoinStoryWithEnoughSharedTermPairsInTheWindow() {
    IndexEntry writeUp = new IndexEntry("a", "story-1", NOW - Duration.ofHours(5).toMillis(), 30);
    List<IndexHit> hits =
        IntStream.range(0, 3)
            .mapToObj(i -> new IndexHit(StoryKeys.key("pair" + i, 0), writeUp))
            .toList();
    assertEquals(Verdict.unique("b", "story-1"), decider.decide("b", NOW, own(30, 21), hits));
  }

  @Test
  void shouldNotJoinStoryOnTooFewPairsOrOutsideTheWindow() {
    IndexEntry recent = new IndexEntry("a", null, NOW - 1, 30);
    IndexEntry old = new IndexEntry("c", null, NOW - Duration.ofDays(4).toMillis(), 30);
    List<IndexHit> hits =
        List.of(
            new IndexHit(StoryKeys.key("pair0", 0), recent),
            new IndexHit(StoryKeys.key("pair0", 1), recent),
            new IndexHit(StoryKeys.key("pair1", 0), recent),
            new IndexHit(StoryKeys.key("pair2", 0), old),
            new IndexHit(StoryKeys.key("pair3", 0), old),
            new IndexHit(StoryKeys.key("pair4", 0), old));
    assertEquals("b", decider.decide("b", NOW, own(30, 21), hits).storyId());
  }
}
