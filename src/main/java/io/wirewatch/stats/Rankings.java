package io.wirewatch.stats;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/** Leaderboards: the best {@code n} items by a comparator, after a filter. */
public final class Rankings {

  private Rankings() {}

  /** The first {@code n} of the items that pass {@code keep}, best first; ties keep input order. */
  public static <T> List<T> top(
      Collection<T> items, Predicate<? super T> keep, Comparator<? super T> best, int n) {
    return items.stream().filter(keep).sorted(best).limit(n).toList();
  }
}
