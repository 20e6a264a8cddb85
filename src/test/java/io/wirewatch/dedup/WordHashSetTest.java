package io.wirewatch.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WordHashSetTest {

  @Test
  void shouldHoldExactlyItsMembersAmongCrowdedAndSpecialHashes() {
    Random random = new Random(5);
    long[] members = new long[300];
    Set<Long> expected = new HashSet<>();
    for (int i = 0; i < members.length; i++) {
      // many share their low bits, so homes collide and the table must grow
      members[i] = i < 40 ? (long) i << 32 : random.nextLong();
      expected.add(members[i]);
    }
    members[299] = 0;
    expected.add(0L);
    WordHashSet set = new WordHashSet(members, members.length);
    for (long h : members) {
      assertTrue(set.contains(h), Long.toHexString(h));
    }
    for (int i = 0; i < 100_000; i++) {
      long h = i < 5_000 ? i : random.nextLong();
      assertEquals(expected.contains(h), set.contains(h), Long.toHexString(h));
    }
  }

  @Test
  void shouldBeEmptyWithoutMembers() {
    WordHashSet set = new WordHashSet(new long[0], 0);
    for (long h = -20; h < 20; h++) {
      assertEquals(false, set.contains(h));
    }
  }
}
