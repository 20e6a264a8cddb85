package io.wirewatch.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LineSightingsTest {

  /** The plain reading of the rules: every sighting kept, sorted, cut to the first few. */
  private static final class Reference {
    final Map<Long, List<Long>> all = new HashMap<>();
    final Map<Long, Long> latest = new HashMap<>();

    void see(long hash, long second) {
      all.computeIfAbsent(hash, h -> new ArrayList<>()).add(second);
      latest.merge(hash, second, Math::max);
    }

    void remove(long hash) {
      all.remove(hash);
      latest.remove(hash);
    }

    List<Long> first(long hash, int keep) {
      List<Long> seen = new ArrayList<>(all.get(hash));
      seen.sort(null);
      return seen.subList(0, Math.min(keep, seen.size()));
    }
  }

  @Test
  void shouldKeepTheFirstSightingsAndTheLatestThroughGrowthAndRemovals() {
    Random random = new Random(5);
    int keep = 4;
    LineSightings table = new LineSightings(keep);
    Reference reference = new Reference();
    // few distinct hashes with clustered high bits, so probe runs are long and removals shift
    long[] hashes = new long[300];
    for (int i = 0; i < hashes.length; i++) {
      hashes[i] = (random.nextLong() & 0xF000_0000_0000_0000L) | i;
    }
    for (int step = 0; step < 20_000; step++) {
      long hash = hashes[random.nextInt(hashes.length)];
      if (random.nextInt(5) == 0) {
        table.remove(hash);
        reference.remove(hash);
      } else {
        long second = random.nextInt(50);
        table.see(hash, second);
        reference.see(hash, second);
      }
    }
    assertEquals(reference.all.size(), table.size());
    int held = 0;
    for (int s = 0; s < table.slots(); s++) {
      if (table.used(s)) {
        held++;
        long hash = table.hash(s);
        assertEquals(reference.latest.get(hash), table.latest(s));
        List<Long> first = new ArrayList<>();
        for (int i = 0; i < table.count(s); i++) {
          first.add(table.first(s, i));
        }
        assertEquals(reference.first(hash, keep), first);
        for (long second = 0; second <= 50; second += 7) {
          final long at = second;
          long before = reference.first(hash, keep).stream().filter(t -> t < at).count();
          assertEquals(before, table.seenBefore(hash, second));
        }
      }
    }
    assertEquals(reference.all.size(), held);
  }

  @Test
  void shouldForgetTheLineSeenLatestEarliestFirstThroughGrowthAndRemovals() {
    Random random = new Random(9);
    LineSightings table = new LineSightings(4);
    Reference reference = new Reference();
    long[] hashes = new long[400];
    for (int i = 0; i < hashes.length; i++) {
      hashes[i] = (random.nextLong() & 0xF000_0000_0000_0000L) | i;
    }
    for (int step = 0; step < 20_000; step++) {
      long hash = hashes[random.nextInt(hashes.length)];
      int what = random.nextInt(8);
      if (what == 0) {
        table.remove(hash);
        reference.remove(hash);
      } else if (what == 1 && table.size() > 0) {
        long oldest =
            reference.latest.entrySet().stream()
                .min(
                    Map.Entry.<Long, Long>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey()))
                .orElseThrow()
                .getKey();
        table.removeOldest();
        reference.remove(oldest);
        assertEquals(0, table.seenBefore(oldest, Long.MAX_VALUE), "step " + step);
      } else {
        // times mostly rising, as articles come in publication order, with ties and late ones
        long second = step / 40 + random.nextInt(30) - 20;
        table.see(hash, second);
        reference.see(hash, second);
      }
      assertEquals(reference.all.size(), table.size());
    }
  }
}
