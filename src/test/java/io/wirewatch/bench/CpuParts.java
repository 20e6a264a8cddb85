package io.wirewatch.bench;

import java.util.Locale;

/**
 * Which parts {@link DedupCpuTime} measures. The unchanged first fingerprinter ({@link #REFERENCE})
 * is in every choice: it shows how fast the machine itself was in that JVM, which other parts are
 * read against. {@code whole} is what the target is judged on, and leaves out the parts
 * that would triple a fork's time.
 */
public enum CpuParts {
  /** The reference and {@code wholeArticle} of both kinds. */
  WHOLE,
  /** The reference, the fingerprint and the step alone of both kinds. */
  STEP,
  /** Every part, as the bench ran before it had a choice. */
  ALL;

  static final String REFERENCE = "fingerprintBefore";
  static final String WHOLE_ARTICLE = "wholeArticle ";

  static CpuParts named(String name) {
    for (CpuParts parts : values()) {
      if (parts.name().equalsIgnoreCase(name)) {
        return parts;
      }
    }
    throw new IllegalArgumentException(
        "--only takes whole, step or all, not " + name + "\n" + CpuBenchOptions.USAGE);
  }

  boolean fingerprint() {
    return this != WHOLE;
  }

  boolean boilerplate() {
    return this == ALL;
  }

  boolean step() {
    return this != WHOLE;
  }

  boolean wholeArticle() {
    return this != STEP;
  }

  String flag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
