package io.wirewatch.dedup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Waiters, each waiting for a few owners to be decided, for at most a fixed time. Indexed both
 * ways, so that an owner's decision finds its waiters at once and the waits that are up are found
 * from the oldest: nothing is ever scanned whole, however many wait.
 *
 * <p>Holds exactly the waiters still waiting, and for each owner only the waiters that wait for it.
 * Times are the caller's clock; a clock that steps back does not reorder the waits, each counts
 * from the latest time seen when it began.
 */
public final class OwnerWaits {

  private final long maxWaitMillis;
  // insertion order is the order the waits began, so the oldest is first
  private final LinkedHashMap<String, Wait> waits = new LinkedHashMap<>();
  private final Map<String, List<String>> waitersOf = new HashMap<>();
  private long latest = Long.MIN_VALUE;

  private record Wait(long since, Set<String> owners) {}

  public OwnerWaits(Duration maxWait) {
    this.maxWaitMillis = Objects.requireNonNull(maxWait, "maxWait can't be null").toMillis();
  }

  /**
   * Starts {@code waiter}'s wait, at {@code now}, for {@code owners} (not empty). A waiter that was
   * already waiting starts again.
   */
  public void await(String waiter, Collection<String> owners, long now) {
    if (owners.isEmpty()) {
      throw new IllegalArgumentException("a wait needs an owner: " + waiter);
    }
    forget(waiter);
    latest = Math.max(latest, now);
    Wait wait = new Wait(latest, new LinkedHashSet<>(owners));
    waits.put(waiter, wait);
    for (String owner : wait.owners()) {
      waitersOf.computeIfAbsent(owner, o -> new ArrayList<>(2)).add(waiter);
    }
  }

  /**
   * The owner is decided: returns its waiters, in the order they began. Those it was the last owner
   * of are done and leave; {@link #isWaiting} tells them apart.
   */
  public List<String> decided(String owner) {
    List<String> waiters = waitersOf.remove(owner);
    if (waiters == null) {
      return List.of();
    }
    for (String waiter : waiters) {
      Wait wait = waits.get(waiter);
      wait.owners().remove(owner);
      if (wait.owners().isEmpty()) {
        waits.remove(waiter);
      }
    }
    return waiters;
  }

  /** The waiters whose wait is up at {@code now}, oldest first; they leave. */
  public List<String> expired(long now) {
    List<String> up = new ArrayList<>();
    Iterator<Map.Entry<String, Wait>> it = waits.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<String, Wait> e = it.next();
      if (now - e.getValue().since() < maxWaitMillis) {
        break;
      }
      it.remove();
      leaveOwners(e.getKey(), e.getValue());
      up.add(e.getKey());
    }
    return up;
  }

  public boolean isWaiting(String waiter) {
    return waits.containsKey(waiter);
  }

  /** How many waiters wait. */
  public int size() {
    return waits.size();
  }

  private void forget(String waiter) {
    Wait wait = waits.remove(waiter);
    if (wait != null) {
      leaveOwners(waiter, wait);
    }
  }

  private void leaveOwners(String waiter, Wait wait) {
    for (String owner : wait.owners()) {
      List<String> waiters = waitersOf.get(owner);
      waiters.remove(waiter);
      if (waiters.isEmpty()) {
        waitersOf.remove(owner);
      }
    }
  }
}
