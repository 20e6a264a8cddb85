package io.wirewatch.alert;

import java.util.HashSet;
import java.util.Set;

/**
 * The anchors of a rule or of part of it: an article can only match if it contains at least one of
 * them. {@code always} means no such promise can be made (a lone NOT), so the rule is tried on
 * every article; an empty set without {@code always} means the part can never match.
 *
 * @param cost the expected share of articles that contain one of the anchors
 */
record AnchorSet(Set<Anchor> anchors, boolean always, double cost) {

  static final AnchorSet ALWAYS = new AnchorSet(Set.of(), true, Double.MAX_VALUE);
  static final AnchorSet NEVER = new AnchorSet(Set.of(), false, 0);

  AnchorSet {
    anchors = Set.copyOf(anchors);
  }

  /** Either may be the one an article contains. */
  AnchorSet union(AnchorSet other) {
    if (always || other.always) {
      return ALWAYS;
    }
    Set<Anchor> both = new HashSet<>(anchors);
    both.addAll(other.anchors);
    return new AnchorSet(both, false, Math.min(1.0, cost + other.cost));
  }

  /** Both are required, so the rarer alone is enough to file the rule under. */
  AnchorSet cheaper(AnchorSet other) {
    return other.cost < cost ? other : this;
  }
}
