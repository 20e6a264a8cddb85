package io.wirewatch.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OldestLinesTest {

  private record Pair(long latest, long hash) {}

  private static final Comparator<Pair> OLDEST_FIRST =
      Comparator.comparingLong(Pair::latest).thenComparingLong(Pair::hash);

  @Test
  void shouldGiveThePairsOldestFirstWhateverOrderTheyCameIn() {
    Random random = new Random(11);
    OldestLines order = new OldestLines();
    List<Pair> added = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      // mostly rising, with ties and pairs that come late
      long latest = i / 8 + (random.nextInt(6) == 0 ? -random.nextInt(100) : 0);
      Pair p = new Pair(latest, random.nextLong());
      order.add(p.latest(), p.hash());
      added.add(p);
    }
    added.sort(OLDEST_FIRST);
    for (Pair expected : added) {
      order.takeOldest();
      assertEquals(expected, new Pair(order.takenLatest(), order.takenHash()));
    }
    assertFalse(order.takeOldest());
  }

  @Test
  void shouldDropOnlyStalePairsWhenCompacted() {
    Random random = new Random(12);
    OldestLines order = new OldestLines();
    // each line's latest sighting; every pair added is current until its line is seen later
    Map<Long, Long> latestByLine = new HashMap<>();
    long[] lines = new long[300];
    for (int i = 0; i < lines.length; i++) {
      lines[i] = random.nextLong();
    }
    for (int step = 0; step < 20_000; step++) {
      long line = lines[random.nextInt(lines.length)];
      long latest = step / 10 + (random.nextInt(6) == 0 ? -random.nextInt(50) : 0);
      if (latestByLine.getOrDefault(line, Long.MIN_VALUE) < latest) {
        latestByLine.put(line, latest);
        order.add(latest, line);
      }
      if (step % 997 == 0) {
        order.compact((l, h) -> latestByLine.get(h) == l);
        assertEquals(latestByLine.size(), order.pairs(), "step " + step);
      }
    }
    List<Pair> expected = new ArrayList<>();
    latestByLine.forEach((h, l) -> expected.add(new Pair(l, h)));
    expected.sort(OLDEST_FIRST);
    List<Pair> current = new ArrayList<>();
    while (order.takeOldest()) {
      if (latestByLine.get(order.takenHash()) == order.takenLatest()) {
        current.add(new Pair(order.takenLatest(), order.takenHash()));
      }
    }
    assertEquals(expected, current);
  }
}
