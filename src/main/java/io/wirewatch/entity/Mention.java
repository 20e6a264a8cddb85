package io.wirewatch.entity;

/** One occurrence of an entity: its text and offsets into {@code title + "\n\n" + body}. */
public record Mention(String text, int start, int end) {
  public Mention {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad mention span [" + start + ", " + end + ")");
    }
  }
}
