package io.wirewatch.kafka.dedup;

import java.time.Instant;

/**
 * Adapts a per-source boilerplate model, stored as bytes in a state store, to the fingerprint
 * processor.
 */
public interface SourceBoilerplate {

  /** One source's model, changed in place as it learns. */
  interface Model {

    /**
     * The body without what this model knows to be boilerplate for an article published at {@code
     * publishedAt}; then learns from the body.
     */
    String stripAndLearn(String body, Instant publishedAt);

    /** The model as bytes for the state store, read back by {@link SourceBoilerplate#read}. */
    byte[] toBytes();

    /**
     * What to add at the end of the bytes this model was last written or read as, so that they read
     * back as the model now is; null when the model must be written whole.
     */
    byte[] appendix();
  }

  /** A model of a source not seen yet (or forgotten). */
  Model fresh();

  /** A model read back from {@link Model#toBytes()}. */
  Model read(byte[] state);
}
