package io.wirewatch.dedup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HashSortTest {

  @Test
  void shouldSortAsArraysSortDoesWhateverTheHashes() {
    Random random = new Random(5);
    HashSort sort = new HashSort();
    for (int round = 0; round < 3_000; round++) {
      int n = random.nextInt(round % 10 == 0 ? 3_000 : 300);
      long[] hashes = new long[n + 3];
      for (int i = 0; i < hashes.length; i++) {
        hashes[i] =
            switch (round % 4) {
              case 0 -> random.nextLong();
                // few distinct values, and values crowded into one bucket
              case 1 -> random.nextInt(5) - 2;
              case 2 -> random.nextLong() >>> 40;
              default -> random.nextBoolean() ? Long.MIN_VALUE + i : Long.MAX_VALUE - i;
            };
      }
      long[] expected = hashes.clone();
      Arrays.sort(expected, 0, n);
      sort.sort(hashes, n);
      assertArrayEquals(expected, hashes, "round " + round);
    }
  }
}
