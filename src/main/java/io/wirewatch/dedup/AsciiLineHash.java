package io.wirewatch.dedup;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * {@link LineHash#hashSimple} of a line of an ASCII text held as bytes, eight chars at a time: each
 * chunk is loaded as a long, tested in all eight lanes for what makes a line not simple (a control
 * char, {@code &}, {@code <}, or a space after a space), its capitals and backquotes folded in all
 * lanes, and hashed in one multiplication ({@link Hashing#wordChunk}), the same hash as the chars
 * give.
 */
final class AsciiLineHash {

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH = ONES * 0x80;
  private static final long LOW7 = ONES * 0x7F;

  private AsciiLineHash() {}

  /**
   * The hash of the line at {@code ascii[start, end)} (bytes below 0x80), as {@link
   * LineHash#hashSimple} gives it for the same chars, or {@link LineHash#NOT_SIMPLE}.
   */
  static long hash(byte[] ascii, int start, int end) {
    int from = start;
    int n = end;
    while (from < n && ascii[from] == ' ') {
      from++;
    }
    while (n > from && ascii[n - 1] == ' ') {
      n--;
    }
    if (n == from) {
      return LineHash.NOT_SIMPLE;
    }
    long h = Hashing.WORD_SEED;
    // the previous chunk's last char, xor the space, in the lowest lane: never zero before the
    // first chunk, as the line starts with a char that is not a space
    long spaceBefore = ' ';
    long odd = 0;
    int i = from;
    // whole chunks first, with no lanes to mask and no end of the array to mind
    for (; i + Long.BYTES <= n; i += Long.BYTES) {
      long w = (long) LONGS.get(ascii, i);
      long notSpace = w ^ (ONES * ' ');
      odd |= belowSpace(w) | markupOrDoubleSpace(w, notSpace, spaceBefore);
      spaceBefore = notSpace >>> 56;
      h = Hashing.wordChunk(h, folded(w));
    }
    if (i < n) {
      long valid = ~(-1L << (8 * (n - i)));
      long w =
          (i + Long.BYTES <= ascii.length ? (long) LONGS.get(ascii, i) : tail(ascii, i)) & valid;
      // lanes beyond the line are zero: below the space, but neither markup nor a space
      odd |= belowSpace(w) & valid | markupOrDoubleSpace(w, w ^ (ONES * ' '), spaceBefore);
      h = Hashing.wordChunk(h, folded(w));
    }
    long hash = Hashing.wordEnd(h, n - from);
    return odd != 0 || hash == LineHash.NOT_SIMPLE ? LineHash.NOT_SIMPLE : hash;
  }

  /** 0x80 in each lane below the space (a lane's char plus 0x60 stays below 0x80). */
  private static long belowSpace(long w) {
    return ~(w + ONES * 0x60) & HIGH;
  }

  /**
   * Not zero when a lane holds {@code &} or {@code <}, or a space follows a space ({@code
   * notSpace}: the chunk xor spaces; {@code spaceBefore}: the same of the char before the chunk).
   * Only whether any lane does counts, so each test is the classic one of three operations, whose
   * borrows may mark lanes above a lane found but never set a mark alone.
   */
  private static long markupOrDoubleSpace(long w, long notSpace, long spaceBefore) {
    long pairs = notSpace | (notSpace << 8) | spaceBefore;
    return anyZeroLane(w ^ (ONES * '&')) | anyZeroLane(w ^ (ONES * '<')) | anyZeroLane(pairs);
  }

  /** Not zero exactly when a lane of {@code x} (lanes below 0x80) is zero. */
  private static long anyZeroLane(long x) {
    return (x - ONES) & ~x & HIGH;
  }

  /** The bytes from {@code i} to the end of the array, fewer than eight, as a long. */
  private static long tail(byte[] ascii, int i) {
    long w = 0;
    for (int k = 0; i + k < ascii.length; k++) {
      w |= (long) (ascii[i + k] & 0xFF) << (8 * k);
    }
    return w;
  }

  /**
   * Capitals lower-cased and the backquote made an apostrophe, in every lane (ASCII chars, or zero
   * beyond the line); no sum carries into the next lane.
   */
  private static long folded(long w) {
    long atLeastA = (w + ONES * (0x80 - 'A')) & HIGH;
    long beyondZ = (w + ONES * (0x80 - 'Z' - 1)) & HIGH;
    long capitals = atLeastA & ~beyondZ;
    long backquotes = zeroLanes(w ^ (ONES * '`'));
    return w + (capitals >>> 2) - (backquotes >>> 7) * ('`' - '\'');
  }

  /** 0x80 in each lane of {@code x} that is zero, nothing elsewhere (no carries between lanes). */
  private static long zeroLanes(long x) {
    return ~(((x & LOW7) + LOW7) | x | LOW7);
  }
}
