package io.wirewatch.dedup;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The words of an ASCII text (maximal runs of letters and digits, as {@link
 * io.wirewatch.text.WordTokenizer} cuts them) read eight chars at a time: the text's bytes are
 * loaded as longs, each char's class is tested in all eight lanes at once, and word bounds are read
 * off a bitmap of word chars per 64 chars. Each word is then hashed a chunk of eight chars at a
 * time ({@link Hashing#wordHash}). A scan that took one char at a time spent about twenty
 * operations per char, a third of the fingerprint; this one spends a few per char and a few dozen
 * per word.
 *
 * <p>One per thread, reused: the buffers grow with the longest text seen.
 */
final class AsciiWords {

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH = 0x8080808080808080L;
  private static final long CASE_BIT = 0x2020202020202020L;
  // a word's last load reads up to seven bytes past its end, the bitmap's last block up to 64
  private static final int PADDING = 72;
  // places written per block whatever its words: room for them is kept past the last word
  private static final int UNROLLED = 12;
  static final long DIGIT = 1;
  static final long LOWER_CASE = 2;

  private byte[] bytes = new byte[4096 + PADDING];
  private final CharsetEncoder asciiEncoder = StandardCharsets.US_ASCII.newEncoder();
  int[] starts = new int[1024];
  int[] ends = new int[1024];
  int count;
  // the flags of the word last hashed: DIGIT when it has a digit, LOWER_CASE when a lower-case
  // letter
  long flags;

  /**
   * Finds the words of the first {@code length} chars into starts, ends and count when they are all
   * ASCII; false, and nothing found, when they are not. The test rides on the copy into bytes,
   * which reads every char anyway: a pass of its own over the chars cost 4% of the fingerprint.
   */
  boolean scan(char[] chars, int length) {
    // one block more than the chars fill, so the last word's end is seen in it
    int blocks = (length >>> 6) + 1;
    reserve(blocks * 64 + PADDING, length / 2 + 2);
    byte[] b = bytes;
    if (!copyAscii(chars, length, b)) {
      count = 0;
      return false;
    }
    Arrays.fill(b, length, blocks * 64 + PADDING, (byte) 0);
    int[] wordStarts = starts;
    int[] wordEnds = ends;
    int started = 0;
    int ended = 0;
    // 1 when the char before the block is a word char
    long carry = 0;
    for (int block = 0; block < blocks; block++) {
      int base = block << 6;
      long word = 0;
      for (int k = 0; k < 8; k++) {
        word |= laneBits(wordLanes((long) LONGS.get(b, base + 8 * k))) << (8 * k);
      }
      long before = (word << 1) | carry;
      long startBits = word & ~before;
      long endBits = ~word & before;
      carry = word >>> 63;
      started = places(startBits, base, wordStarts, started);
      ended = places(endBits, base, wordEnds, ended);
    }
    count = started;
    return true;
  }

  /**
   * Writes {@code base} plus the place of each bit set in {@code bits} into {@code out} from {@code
   * at}, in order; where the next place goes. A block of news holds about eleven words: the first
   * {@link #UNROLLED} places are written whether there are so many bits or not (a cleared bit
   * writes {@code base + 64}, into room kept for it, later overwritten or past the count), so the
   * loop's exit, which mispredicted about once per block, is a branch rarely taken.
   */
  private static int places(long bits, int base, int[] out, int at) {
    int next = at + Long.bitCount(bits);
    for (int i = 0; i < UNROLLED; i++) {
      out[at + i] = base + Long.numberOfTrailingZeros(bits);
      bits &= bits - 1;
    }
    for (int i = at + UNROLLED; bits != 0; i++) {
      out[i] = base + Long.numberOfTrailingZeros(bits);
      bits &= bits - 1;
    }
    return next;
  }

  /**
   * Copies the chars into {@code out} when they are all ASCII; false (and {@code out} written in
   * part) when one is not. The JDK's ASCII encoder copies and tests in vector instructions: the
   * loop it replaces, a char at a time, took 2.0 to 2.6 µs for 4 KB in a microbenchmark, the
   * encoder 0.2 µs.
   */
  private boolean copyAscii(char[] chars, int length, byte[] out) {
    asciiEncoder.reset();
    CoderResult result =
        asciiEncoder.encode(CharBuffer.wrap(chars, 0, length), ByteBuffer.wrap(out), true);
    // anything but all chars read (a char beyond ASCII, or no room, which reserve rules out)
    return result.isUnderflow();
  }

  /**
   * {@link Hashing#wordHash} of the lower-cased word from {@code start} to {@code end}, which
   * {@link #scan} found; sets {@link #flags}.
   */
  long hash(int start, int end) {
    byte[] b = bytes;
    long h = Hashing.WORD_SEED;
    long found = 0;
    int at = start;
    for (; end - at > 8; at += 8) {
      long x = (long) LONGS.get(b, at);
      found |= classes(x, HIGH);
      h = Hashing.wordChunk(h, lowerCase(x));
    }
    int left = end - at;
    long x = (long) LONGS.get(b, at) & (-1L >>> (64 - 8 * left));
    found |= classes(x, HIGH >>> (64 - 8 * left));
    h = Hashing.wordChunk(h, lowerCase(x));
    flags = found;
    return Hashing.wordEnd(h, end - start);
  }

  /**
   * DIGIT and LOWER_CASE for the lanes of {@code x} (word chars, or 0 outside the word) that {@code
   * inWord} marks. Among word chars, those below 'A' are digits and those from 'a' on lower case.
   */
  private static long classes(long x, long inWord) {
    long high = x | HIGH;
    long digits = ~(high - 'A' * ONES) & inWord;
    long lower = (high - 'a' * ONES) & inWord;
    return (digits != 0 ? DIGIT : 0) | (lower != 0 ? LOWER_CASE : 0);
  }

  /** The lanes of {@code x} (word chars, or 0) with 'A' to 'Z' made lower case. */
  private static long lowerCase(long x) {
    long high = x | HIGH;
    long upper = (high - 'A' * ONES) & ~(high - 'a' * ONES) & HIGH;
    return x + (upper >>> 2);
  }

  /**
   * The high bit of each lane of {@code x} (ASCII chars) that holds a letter or digit. A lane with
   * its high bit set before subtracting a value below 0x80 keeps its borrow to itself, so {@code (x
   * | HIGH) - c} has a lane's high bit set exactly when the lane is at least c. With the case bit
   * set, 'A' to 'Z' fall on 'a' to 'z', and no char that is not a letter falls there.
   */
  private static long wordLanes(long x) {
    long high = x | HIGH;
    long folded = high | CASE_BIT;
    long digit = (high - '0' * ONES) & ~(high - ('9' + 1) * ONES);
    long letter = (folded - 'a' * ONES) & ~(folded - ('z' + 1) * ONES);
    return (digit | letter) & HIGH;
  }

  /** Bit j set when lane j of {@code lanes} has its high bit set (and no other bits are set). */
  private static long laneBits(long lanes) {
    // each lane's bit lands on its own place in the top byte, and no two partial products meet
    return ((lanes >>> 7) * 0x0102040810204080L) >>> 56;
  }

  private void reserve(int byteCount, int words) {
    if (bytes.length < byteCount) {
      bytes = new byte[Math.max(byteCount, bytes.length * 2)];
    }
    if (starts.length < words + UNROLLED) {
      starts = new int[Math.max(words + UNROLLED, starts.length * 2)];
      ends = new int[starts.length];
    }
  }
}
