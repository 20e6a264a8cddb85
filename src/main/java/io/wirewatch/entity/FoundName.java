package io.wirewatch.entity;

import java.util.Objects;

/** A name a {@link NameFinder} found: offsets into the text it was given, and its type. */
public record FoundName(int start, int end, EntityType type) {
  public FoundName {
    Objects.requireNonNull(type, "type can't be null");
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("bad name span [" + start + ", " + end + ")");
    }
  }
}
