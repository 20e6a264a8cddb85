package io.wirewatch.alert;

/** How often a rule's subscriber hears about matches. */
public enum AlertMode {
  /** One alert per matching article. */
  EVERY,
  /** One alert per matching story, however many copies and write-ups follow. */
  FIRST_PER_STORY,
  /** One alert per window listing the matching articles. */
  DIGEST
}
