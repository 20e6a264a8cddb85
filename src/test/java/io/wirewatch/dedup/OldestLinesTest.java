package io.wirewatch.dedup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OldestLinesTest {

  @Test
  void shouldPickTheOldestByLatestSightingThenByHash() {
    Random random = new Random(11);
    for (int round = 0; round < 200; round++) {
      int n = 1 + random.nextInt(300);
      int k = 1 + random.nextInt(n);
      long[] latest = new long[n];
      long[] hash = new long[n];
      OldestLines oldest = new OldestLines(k);
      for (int i = 0; i < n; i++) {
        // few distinct times, so that ties by hash are common
        latest[i] = random.nextInt(20);
        hash[i] = random.nextLong();
        oldest.offer(latest[i], hash[i]);
      }
      long[] expected =
          IntStream.range(0, n)
              .boxed()
              .sorted(
                  Comparator.<Integer>comparingLong(i -> latest[i]).thenComparingLong(i -> hash[i]))
              .limit(k)
              .mapToLong(i -> hash[i])
              .sorted()
              .toArray();
      long[] picked = oldest.hashes();
      Arrays.sort(picked);
      assertArrayEquals(expected, picked, "round " + round);
    }
  }
}
