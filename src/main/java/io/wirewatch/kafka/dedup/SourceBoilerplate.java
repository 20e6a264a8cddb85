package io.wirewatch.kafka.dedup;

import java.time.Instant;

/**
 * Adapts a per-source boilerplate model, stored as bytes in a state store, to the fingerprint
 * processor.
 */
public interface SourceBoilerplate {

  /**
   * @param body the body with learned boilerplate removed
   * @param newState the model to store for the source, or null to leave it as it was
   */
  record Result(String body, byte[] newState) {}

  /**
   * Strips what the source's model knows to be boilerplate for an article published at {@code
   * publishedAt}, then learns from this body.
   */
  Result stripAndLearn(byte[] state, String body, Instant publishedAt);

  /** No boilerplate learning: bodies pass unchanged. */
  SourceBoilerplate NONE = (state, body, publishedAt) -> new Result(body, null);
}
