package io.wirewatch.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OwnerWaitsTest {

  private static final Duration WAIT = Duration.ofMinutes(5);
  private static final long MAX = WAIT.toMillis();

  @Test
  void shouldEndAWaitWhenItsOwnerIsDecided() {
    OwnerWaits waits = new OwnerWaits(WAIT);
    waits.await("b", List.of("a"), 0);
    waits.await("c", List.of("a"), 10);

    assertEquals(List.of("b", "c"), waits.decided("a"));
    assertFalse(waits.isWaiting("b"));
    assertFalse(waits.isWaiting("c"));
    assertEquals(0, waits.size());
    assertEquals(List.of(), waits.decided("a"), "an owner decided twice finds no waiter");
  }

  @Test
  void shouldWaitForTheLastOfSeveralOwners() {
    OwnerWaits waits = new OwnerWaits(WAIT);
    waits.await("c", List.of("a", "b"), 0);

    assertEquals(List.of("c"), waits.decided("b"));
    assertTrue(waits.isWaiting("c"), "a is still to come");
    assertEquals(List.of("c"), waits.decided("a"));
    assertFalse(waits.isWaiting("c"));
  }

  @Test
  void shouldLetTheExpiredGoOldestFirstAndNoOthers() {
    OwnerWaits waits = new OwnerWaits(WAIT);
    waits.await("b", List.of("a"), 0);
    waits.await("d", List.of("c"), 20);
    waits.await("e", List.of("a"), 10);

    assertEquals(List.of(), waits.expired(MAX - 1));
    assertEquals(List.of("b"), waits.expired(MAX + 5));
    // e began after d on the caller's clock, though its time was earlier: it counts from d's
    assertEquals(List.of("d", "e"), waits.expired(MAX + 20));
    assertEquals(0, waits.size());
    assertEquals(List.of(), waits.decided("a"), "an expired waiter leaves its owners too");
  }

  @Test
  void shouldForgetTheOwnersOfAWaitThatStartsAgain() {
    OwnerWaits waits = new OwnerWaits(WAIT);
    waits.await("c", List.of("a"), 0);
    waits.await("c", List.of("b"), 5);

    assertEquals(List.of(), waits.decided("a"));
    assertTrue(waits.isWaiting("c"));
    assertEquals(List.of("c"), waits.decided("b"));
  }
}
