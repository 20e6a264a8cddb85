package io.wirewatch.dedup;

/** The three verdicts of the contract. */
public enum DedupStatus {
  /** Neither a copy nor a reprint of an earlier article. */
  UNIQUE,
  /**
   * The same article again: identical after normalisation, or differing only by boilerplate or a
   * few words.
   */
  DUPLICATE,
  /**
   * A reprint or adaptation of an earlier article: a wire story with a new intro, cuts or
   * additions.
   */
  SYNDICATED
}
