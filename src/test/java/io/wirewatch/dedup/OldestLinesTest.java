package io.wirewatch.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OldestLinesTest {

  private record Line(long latest, long hash) {}

  private static final Comparator<Map.Entry<Integer, Line>> OLDEST_FIRST =
      Comparator.<Map.Entry<Integer, Line>>comparingLong(e -> e.getValue().latest())
          .thenComparingLong(e -> e.getValue().hash());

  @Test
  void shouldPutTheOldestByLatestSightingThenByHashFirstThroughEveryChange() {
    Random random = new Random(11);
    int slots = 512;
    OldestLines order = new OldestLines(slots);
    // what each slot holds, as the table would have it
    Map<Integer, Line> bySlot = new HashMap<>();
    for (int step = 0; step < 50_000; step++) {
      int slot = random.nextInt(slots);
      Line line = bySlot.get(slot);
      int what = random.nextInt(10);
      if (line == null) {
        // few distinct times, so that ties by hash are common
        Line added = new Line(random.nextInt(20), random.nextLong());
        order.add(slot, added.latest(), added.hash());
        bySlot.put(slot, added);
      } else if (what < 4) {
        long later = line.latest() + random.nextInt(3);
        order.later(slot, later);
        bySlot.put(slot, new Line(later, line.hash()));
      } else if (what < 6) {
        order.remove(slot);
        bySlot.remove(slot);
      } else if (what < 8) {
        int to = random.nextInt(slots);
        if (!bySlot.containsKey(to)) {
          order.moved(slot, to);
          bySlot.put(to, bySlot.remove(slot));
        }
      } else {
        int oldest = bySlot.entrySet().stream().min(OLDEST_FIRST).orElseThrow().getKey();
        assertEquals(oldest, order.oldest(), "step " + step);
        order.remove(oldest);
        bySlot.remove(oldest);
      }
      assertEquals(bySlot.size(), order.size());
    }
  }
}
