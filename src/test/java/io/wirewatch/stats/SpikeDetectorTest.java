package io.wirewatch.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpikeDetectorTest {

  private static final long HOUR = 3_600_000L;
  private final SpikeDetector detector = SpikeDetector.defaults();

  private static Activity steady(long perBucket, int buckets) {
    Activity a = Activity.empty(HOUR, 24);
    for (int i = 0; i < buckets; i++) {
      a = a.add(i * HOUR, perBucket);
    }
    return a;
  }

  @Test
  void shouldTrendWhenAQuietNameSuddenlyGetsMentions() {
    Activity a = steady(0, 24).add(24 * HOUR, 5);
    Spike s = detector.assess(a);
    assertTrue(s.trending(), s.toString());
    assertEquals(5, s.current());
  }

  @Test
  void shouldNotTrendOnABusyNamesUsualVolume() {
    Activity a = steady(20, 24).add(24 * HOUR, 22);
    assertFalse(detector.assess(a).trending());
  }

  @Test
  void shouldTrendWhenABusyNameJumpsWellAboveItsOwnBaseline() {
    Activity a = steady(20, 24).add(24 * HOUR, 60);
    assertTrue(detector.assess(a).trending());
  }

  @Test
  void shouldNotTrendBelowTheMinimumCount() {
    assertFalse(detector.assess(Activity.empty(HOUR, 24).add(0, 2)).trending());
  }

  @Test
  void shouldForgetBucketsOlderThanTheHistory() {
    Activity a = Activity.empty(HOUR, 3).add(0, 7).add(10 * HOUR, 1);
    assertEquals(1, a.total());
  }

  @Test
  void shouldIgnoreMentionsOlderThanTheHistoryAndCountLateOnesInTheirBucket() {
    Activity a = Activity.empty(HOUR, 3).add(5 * HOUR, 1).add(4 * HOUR, 2).add(0, 9);
    assertEquals(1, a.current());
    assertEquals(3, a.total());
  }

  @Test
  void shouldSurviveEncodingForTheStateStore() {
    Activity a = steady(3, 5).add(6 * HOUR, 4);
    assertEquals(a, Activity.decode(a.encode()));
  }

  @Test
  void shouldRankTheBestFirstAfterFiltering() {
    List<Integer> top =
        Rankings.top(List.of(5, 1, 9, 4, 8), n -> n != 9, Comparator.reverseOrder(), 2);
    assertEquals(List.of(8, 5), top);
  }
}
