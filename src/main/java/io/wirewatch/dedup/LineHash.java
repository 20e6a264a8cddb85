package io.wirewatch.dedup;

import io.wirewatch.text.TextNormalizer;

/**
 * The hash of a line's comparison form ({@link TextNormalizer#normalize}), by which the boilerplate
 * model knows a line; null for a line with no text.
 *
 * <p>A line of ASCII without markup (most wire copy), whose character references are the common
 * ones or numeric ones for ASCII chars, is hashed in one pass over its chars, as if normalised:
 * references decoded, runs of white space as one space, chars up to the space trimmed at either
 * end, capitals lower-cased, the backquote folded to an apostrophe. Normalising every line into a
 * new string and then hashing it took almost half the boilerplate step; Reuters copy has {@code
 * &lt;} in many lines and ends every story in {@code &#3;}. Any other line takes that way still.
 */
final class LineHash {

  private LineHash() {}

  static Long of(String line) {
    // h: the hash of the form up to its last char above the space; withTail: with the control
    // chars and the space after that char, which count only if more text follows (the trim)
    long h = Hashing.start();
    long withTail = h;
    boolean any = false;
    boolean endsInSpace = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '&') {
        long reference = TextNormalizer.plainAsciiReference(line, i);
        if (reference == TextNormalizer.OTHER_REFERENCE) {
          return normalised(line);
        }
        if (reference != TextNormalizer.NO_REFERENCE) {
          c = (char) reference;
          i = (int) (reference >>> 16);
        }
      } else if (c >= 0x7F || c == '<') {
        return normalised(line);
      }
      if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
        // a run of white space is one space
        if (!endsInSpace) {
          withTail = Hashing.step(withTail, ' ');
          endsInSpace = true;
        }
      } else if (c < ' ') {
        withTail = Hashing.step(withTail, c);
        endsInSpace = false;
      } else {
        if (c == '`') {
          c = '\'';
        } else if (c >= 'A' && c <= 'Z') {
          c = (char) (c + ('a' - 'A'));
        }
        h = Hashing.step(any ? withTail : h, c);
        withTail = h;
        any = true;
        endsInSpace = false;
      }
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
