package io.wirewatch.entity;

/**
 * A candidate mention before grouping.
 *
 * @param known true when it comes from the knowledge base, which wins ties against the recogniser
 */
record Span(int start, int end, String id, String name, EntityType type, boolean known) {

  int length() {
    return end - start;
  }

  boolean overlaps(Span other) {
    return start < other.end && other.start < end;
  }
}
