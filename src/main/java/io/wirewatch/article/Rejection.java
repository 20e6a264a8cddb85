package io.wirewatch.article;

import java.util.Objects;

/** A refused ingest record: a machine-readable code and a message a producer can act on. */
public record Rejection(RejectionCode code, String message) {
  public Rejection {
    Objects.requireNonNull(code, "code can't be null");
    Objects.requireNonNull(message, "message can't be null");
  }
}
