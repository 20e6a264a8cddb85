package io.wirewatch.article;

/** The outcome of validating one ingest record: an accepted article or a rejection, never both. */
public sealed interface Validation {

  /** The record became an article (possibly with warnings). */
  record Accepted(Article article) implements Validation {}

  /** The record was refused. */
  record Rejected(Rejection rejection) implements Validation {}

  static Validation rejected(RejectionCode code, String message) {
    return new Rejected(new Rejection(code, message));
  }
}
