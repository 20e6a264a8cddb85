package io.wirewatch.kafka.dedup;

/**
 * Where a source's boilerplate model lives in the store: its head under the source's name (the
 * latest publication time seen, and the articles learned since the model was last written whole),
 * and the model's lines under a second key made from the name, written only when the model is
 * written whole. Splitting the two keeps what every article reads and writes small: a full model is
 * about 50 KB, and copying it in and out of the store for each article cost a quarter of the step.
 *
 * <p>Source names are free text. A name holding U+0000 has each one doubled in its head key, so a
 * head key never holds an odd run of U+0000, and a lines key always ends in one followed by {@code
 * m}: no source's key can be another's.
 */
final class SourceKeys {

  private static final char SEPARATOR = '\u0000';
  private static final String LINES_SUFFIX = SEPARATOR + "m";

  private SourceKeys() {}

  /** The key of the source's head entry: the name itself unless it holds U+0000. */
  static String head(String source) {
    if (source.indexOf(SEPARATOR) < 0) {
      return source;
    }
    return source.replace(String.valueOf(SEPARATOR), String.valueOf(SEPARATOR) + SEPARATOR);
  }

  /** The key of the source's model lines. */
  static String lines(String source) {
    return linesOfHead(head(source));
  }

  /** The key of the model lines of the source whose head key is {@code headKey}. */
  static String linesOfHead(String headKey) {
    return headKey + LINES_SUFFIX;
  }

  /**
   * The head key the lines key {@code key} belongs to; null when {@code key} is a head key (or, in
   * a store written before the split, the key of a source whose name holds U+0000).
   */
  static String headOfLines(String key) {
    if (!key.endsWith(LINES_SUFFIX)) {
      return null;
    }
    String head = key.substring(0, key.length() - LINES_SUFFIX.length());
    // every run of U+0000 in a head key is even: doubled by head()
    int run = 0;
    for (int i = 0; i < head.length(); i++) {
      if (head.charAt(i) == SEPARATOR) {
        run++;
      } else if (run % 2 != 0) {
        return null;
      } else {
        run = 0;
      }
    }
    return run % 2 == 0 ? head : null;
  }
}
