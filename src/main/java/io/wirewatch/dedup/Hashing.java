package io.wirewatch.dedup;

import java.util.List;

/**
 * 64-bit hashes for words, shingles and terms, and for boilerplate lines. {@link String#hashCode()}
 * is too narrow: with 32 bits, millions of indexed shingles would collide.
 */
final class Hashing {

  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;
  private static final long COMBINE = 0x9E3779B97F4A7C15L;
  private static final long SECOND_CHAIN = 0x632BE59BD9B4E019L;

  private Hashing() {}

  /**
   * FNV-1a over the chars, mixed: the hash of boilerplate lines, which source models keep in their
   * state store, so it stays as it was when words moved to {@link #wordHash}.
   */
  static long hash(CharSequence s) {
    long h = start();
    for (int i = 0; i < s.length(); i++) {
      h = step(h, s.charAt(i));
    }
    return mix(h);
  }

  /**
   * {@link #hash}'s state before its first char; feed chars with {@link #step}, end with {@link
   * #mix} (for {@link LineHash}, which hashes a line as if normalised without building the form).
   */
  static long start() {
    return FNV_OFFSET;
  }

  /** {@link #hash}'s state after one more char: one FNV-1a round. */
  static long step(long h, char c) {
    return (h ^ c) * FNV_PRIME;
  }

  /**
   * The hash of a lower-case word, which the exact, passage and story keys are made of. A word is
   * read in chunks of eight chars, char j of a chunk in bits 8j on (a char beyond Latin-1 spills
   * into the next, alike wherever it is read), and each chunk takes one multiplication: an ASCII
   * text's words can then be read eight chars at a time ({@link AsciiWords}), where a hash that
   * takes one char at a time (FNV-1a, as keys made before the ninth session did) cost a
   * multiplication per char, a third of the fingerprint.
   */
  static long wordHash(CharSequence s) {
    return wordHash(s, 0, s.length());
  }

  /** {@link #wordHash(CharSequence)} of {@code s.subSequence(start, end)} without the copy. */
  static long wordHash(CharSequence s, int start, int end) {
    long h = WORD_SEED;
    long chunk = 0;
    for (int i = start; i < end; i++) {
      // a long shift takes its distance modulo 64: the char's place in its chunk
      chunk ^= (long) s.charAt(i) << ((i - start) << 3);
      if (((i - start) & 7) == 7) {
        h = wordChunk(h, chunk);
        chunk = 0;
      }
    }
    if (((end - start) & 7) != 0) {
      h = wordChunk(h, chunk);
    }
    return wordEnd(h, end - start);
  }

  /** {@link #wordHash}'s state before its first chunk. */
  static final long WORD_SEED = FNV_OFFSET;

  /** {@link #wordHash}'s state after one more chunk of up to eight chars. */
  static long wordChunk(long h, long chunk) {
    return (h ^ chunk) * COMBINE;
  }

  /** {@link #wordHash} of a word of {@code length} chars, from its state after the last chunk. */
  static long wordEnd(long h, int length) {
    return mix(h ^ length);
  }

  /** {@link #hash} of {@code s.subSequence(start, end)} without the copy. */
  static long hash(CharSequence s, int start, int end) {
    long h = FNV_OFFSET;
    for (int i = start; i < end; i++) {
      h = (h ^ s.charAt(i)) * FNV_PRIME;
    }
    return mix(h);
  }

  /**
   * 128 bits over a word sequence given by the words' {@link #wordHash}es, as hex: two independent
   * 64-bit chains, so that an exact key collides by chance about once in 2^64 article pairs. The
   * word hashes are already mixed, so each chain takes one multiplication per word (a polynomial in
   * one, FNV's xor-multiply over words in the other) and mixes once at the end; mixing after every
   * word, as keys made before the seventh session did, cost as much as hashing the words.
   */
  static String hash128Hex(long[] wordHashes, int count) {
    return hash128Key("", wordHashes, count);
  }

  /**
   * {@code prefix + hash128Hex(wordHashes, count)} written in one go: the exact key without the
   * intermediate hex String and the copy its concatenation makes.
   */
  static String hash128Key(String prefix, long[] wordHashes, int count) {
    long first = FNV_OFFSET;
    long second = COMBINE;
    for (int i = 0; i < count; i++) {
      long h = wordHashes[i];
      first = first * COMBINE + h;
      second = (second ^ h) * FNV_PRIME;
    }
    return KeyText.hex128(prefix, mix(first + count), mix(second ^ SECOND_CHAIN));
  }

  /** {@link #hash128Hex(long[], int)} of words given as Strings. */
  static String hash128Hex(List<String> words) {
    long[] hashes = new long[words.size()];
    for (int i = 0; i < hashes.length; i++) {
      hashes[i] = wordHash(words.get(i));
    }
    return hash128Hex(hashes, hashes.length);
  }

  /**
   * The hash of the {@code width} words from {@code start}, given by their {@link #wordHash}es: a
   * polynomial over the already mixed word hashes, whose high bits depend on every bit of every
   * word (the passage sample takes the hashes below a threshold, which reads the high bits first).
   * Non-negative, so that sorting and the threshold agree with unsigned order. Keys made before the
   * ninth session mixed the polynomial once more, as the "0 mod p" sample read the low bits, and
   * keys made before the seventh mixed after every word.
   */
  static long shingle(long[] wordHashes, int start, int width) {
    long h = wordHashes[start];
    for (int i = 1; i < width; i++) {
      h = h * COMBINE + wordHashes[start + i];
    }
    return h >>> 1;
  }

  /** An order-sensitive combination of two hashes. */
  static long combine(long first, long second) {
    return mix(first * COMBINE + second);
  }

  /** MurmurHash3's finaliser: spreads every input bit over the output. */
  static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
