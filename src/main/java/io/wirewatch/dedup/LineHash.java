package io.wirewatch.dedup;

import io.wirewatch.text.TextNormalizer;

/**
 * The hash of a line's comparison form ({@link TextNormalizer#normalize}), by which the boilerplate
 * model knows a line; null for a line with no text.
 *
 * <p>A line of printable ASCII and spaces without markup or references (most wire copy) is hashed
 * in one pass over its chars, as if normalised: runs of spaces as one, none at either end, capitals
 * lower-cased, the backquote folded to an apostrophe. Normalising every line into a new string and
 * then hashing it took almost half the boilerplate step. Any other line takes that way still.
 */
final class LineHash {

  private LineHash() {}

  static Long of(String line) {
    long h = Hashing.start();
    boolean any = false;
    boolean spaceDue = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
        spaceDue = any;
        continue;
      }
      if (c < 0x20 || c >= 0x7F || c == '<' || c == '&') {
        return normalised(line);
      }
      if (spaceDue) {
        h = Hashing.step(h, ' ');
        spaceDue = false;
      }
      if (c == '`') {
        c = '\'';
      } else if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      }
      h = Hashing.step(h, c);
      any = true;
    }
    return any ? Hashing.mix(h) : null;
  }

  /** The hash of the normalised line, made the long way. */
  static Long normalised(String line) {
    if (line.isBlank()) {
      return null;
    }
    String normalized = TextNormalizer.normalize(line);
    return normalized.isEmpty() ? null : Hashing.hash(normalized);
  }
}
