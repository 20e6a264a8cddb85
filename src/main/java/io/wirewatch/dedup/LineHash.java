package io.wirewatch.dedup;

import io.wirewatch.text.TextNormalizer;
import java.nio.CharBuffer;

/**
 * The hash of a line's comparison form ({@link TextNormalizer#normalize}), by which the boilerplate
 * model knows a line; null for a line with no text. Since the eleventh session the form is hashed
 * eight chars at a time ({@link Hashing#wordHash}); FNV-1a before, one multiplication per char, a
 * third of the boilerplate step. Models stored with the older hash are dropped when read ({@link
 * BoilerplateModel#fromBytes}).
 *
 * <p>A line of ASCII without markup (most wire copy), whose character references are the common
 * ones or numeric ones for ASCII chars, is hashed in one pass over its chars, as if normalised:
 * references decoded, runs of white space as one space, chars up to the space trimmed at either
 * end, capitals lower-cased, the backquote folded to an apostrophe. Normalising every line into a
 * new string and then hashing it took almost half the boilerplate step; Reuters copy has {@code
 * &lt;} in many lines and ends every story in {@code &#3;}. Any other line takes that way still.
 *
 * <p>Not thread-safe: the chars are read into a buffer the instance keeps (a counted loop over an
 * array costs a third of one over the String's chars with references decoded on the way).
 */
final class LineHash {

  private char[] chars = new char[128];

  Long of(String line) {
    int length = line.length();
    if (length > chars.length) {
      chars = new char[Math.max(length, chars.length * 2)];
    }
    int n;
    if (line.indexOf('&') < 0) {
      if (line.indexOf('<') >= 0) {
        return normalised(line);
      }
      line.getChars(0, length, chars, 0);
      n = length;
    } else {
      n = TextNormalizer.foldPlainAsciiInto(line, chars);
      if (n < 0) {
        return normalised(line);
      }
    }
    // no markup is left in the chars: a '<' or '&' among them is text (a reference decoded)
    long simple = hashSimple(chars, 0, n, DECODED);
    return simple != NOT_SIMPLE ? (Long) simple : hash(line, chars, n);
  }

  // per ASCII char: its folded form (capitals lower-cased, the backquote an apostrophe) in the low
  // bits, ODD for a char the simple loop cannot take (control chars, white space but the space,
  // and the starts of markup and references), SPACE for the space
  private static final int ODD = 1 << 16;
  private static final int SPACE = 1 << 17;
  private static final int[] ASCII = new int[128];
  // as ASCII, for chars with their references decoded: '&' and '<' are text, as hash() has them
  private static final int[] DECODED;

  static {
    for (int c = 0; c < ASCII.length; c++) {
      ASCII[c] = c < ' ' ? ODD : c;
    }
    for (int c = 'A'; c <= 'Z'; c++) {
      ASCII[c] = c + ('a' - 'A');
    }
    ASCII['`'] = '\'';
    ASCII[' '] = ' ' | SPACE;
    ASCII['&'] = '&' | ODD;
    ASCII['<'] = '<' | ODD;
    DECODED = ASCII.clone();
    DECODED['&'] = '&';
    DECODED['<'] = '<';
  }

  // not a hash that hashSimple returns: it mixes, and only zero mixes to zero
  static final long NOT_SIMPLE = 0;

  /**
   * The hash of the line at {@code chars[from, to)} when it is ASCII with single spaces between
   * words and no markup or references (most lines), else {@link #NOT_SIMPLE}. No branch on a char:
   * a loop that tested each char for white space and capitals mispredicted at every word and
   * capital, and cost three times the hashing.
   */
  static long hashSimple(char[] chars, int start, int end) {
    return hashSimple(chars, start, end, ASCII);
  }

  private static long hashSimple(char[] chars, int start, int end, int[] table) {
    // spaces at either end are trimmed (a paragraph's first line is often indented)
    int from = start;
    int n = end;
    while (from < n && chars[from] == ' ') {
      from++;
    }
    while (n > from && chars[n - 1] == ' ') {
      n--;
    }
    if (n == from) {
      return NOT_SIMPLE;
    }
    // chars in chunks of eight, one multiplication a chunk (Hashing.wordHash of the folded line)
    long h = Hashing.WORD_SEED;
    long chunk = 0;
    // a space after a space, or a char beyond ASCII or in need of care, sets odd
    int odd = 0;
    int afterSpace = 0;
    for (int i = from; i < n; i++) {
      char c = chars[i];
      int folded = table[c & 0x7F];
      odd |= (c >>> 7) | (folded & ODD) | (afterSpace & folded);
      afterSpace = folded & SPACE;
      int place = (i - from) & 7;
      chunk |= (long) (folded & 0x7F) << (place << 3);
      if (place == 7) {
        h = Hashing.wordChunk(h, chunk);
        chunk = 0;
      }
    }
    if (((n - from) & 7) != 0) {
      h = Hashing.wordChunk(h, chunk);
    }
    long hash = Hashing.wordEnd(h, n - from);
    return odd != 0 || hash == NOT_SIMPLE ? NOT_SIMPLE : hash;
  }

  private static Long hash(String line, char[] chars, int n) {
    // the folded form written over the chars (it is never longer); kept: its length up to its last
    // char above the space, as the control chars and the space after that char count only if more
    // text follows (the trim)
    int written = 0;
    int kept = 0;
    boolean endsInSpace = false;
    for (int i = 0; i < n; i++) {
      char c = chars[i];
      if (c > ' ') {
        if (c >= 0x80) {
          return normalised(line);
        }
        if (c >= 'A' && c <= 'Z') {
          c = (char) (c + ('a' - 'A'));
        } else if (c == '`') {
          c = '\'';
        }
        chars[written++] = c;
        kept = written;
        endsInSpace = false;
      } else if (kept == 0) {
        // leading white space and control chars: trimmed
        continue;
      } else if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
        // a run of white space is one space
        if (!endsInSpace) {
          chars[written++] = ' ';
          endsInSpace = true;
        }
      } else {
        chars[written++] = c;
        endsInSpace = false;
      }
    }
    return kept == 0 ? null : Hashing.wordHash(CharBuffer.wrap(chars), 0, kept);
  }

  /** The hash of the normalised line, made the long way. */
  static Long normalised(String line) {
    if (line.isBlank()) {
      return null;
    }
    String normalized = TextNormalizer.normalize(line);
    return normalized.isEmpty() ? null : Hashing.wordHash(normalized);
  }
}
