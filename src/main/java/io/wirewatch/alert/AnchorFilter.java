package io.wirewatch.alert;

import java.util.concurrent.atomic.AtomicLongArray;
import org.apache.lucene.util.BytesRef;

/**
 * A quick "no" for most of an article's words when looking for rules filed under them. Most words
 * of an article are no rule's anchor, and asking the anchor map about each one costs a hash of the
 * word and a cache miss into a large table; this table is small, and a slot no anchor falls into
 * answers "no" after a cheap hash. A "maybe" is then asked of the map as before, so the filter
 * never changes which rules are candidates.
 *
 * <p>The hash runs over the word's UTF-8 bytes one at a time ({@link #hash(int, byte)}), so the
 * hashes of all the starts of a word, which prefix anchors need, come in one pass.
 *
 * <p>Matching reads one bit per slot: 128 KB, which stays in cache, and with a million slots few
 * are taken even at 100,000 rules. Beside the bits, each slot counts the anchors in it, so removing
 * a rule clears a bit only when no other anchor needs it. A count that reaches 255 stays there and
 * its bit stays set: that slot can then only answer "maybe", which costs a lookup, never a rule.
 */
final class AnchorFilter {

  private static final int BITS = 20;
  private static final int SATURATED = 0xFF;

  private final AtomicLongArray taken = new AtomicLongArray((1 << BITS) / Long.SIZE);
  private final byte[] counts = new byte[1 << BITS];

  synchronized void add(String field, BytesRef term) {
    int slot = slot(hash(field, term));
    int count = counts[slot] & 0xFF;
    if (count < SATURATED) {
      counts[slot] = (byte) (count + 1);
    }
    taken.getAndAccumulate(slot >>> 6, 1L << slot, (bits, bit) -> bits | bit);
  }

  synchronized void remove(String field, BytesRef term) {
    int slot = slot(hash(field, term));
    int count = counts[slot] & 0xFF;
    if (count == SATURATED || count == 0) {
      return;
    }
    counts[slot] = (byte) (count - 1);
    if (count == 1) {
      taken.getAndAccumulate(slot >>> 6, ~(1L << slot), (bits, mask) -> bits & mask);
    }
  }

  /** False only when no anchor is (field, term). */
  boolean mayHold(String field, BytesRef term) {
    return mayHold(hash(field, term));
  }

  /** False only when no anchor has this hash. */
  boolean mayHold(int hash) {
    int slot = slot(hash);
    return (taken.get(slot >>> 6) & (1L << slot)) != 0;
  }

  /** The hash of a field with no bytes of a word yet. */
  static int hash(String field) {
    return field.hashCode();
  }

  /** The hash extended by one more byte of the word. */
  static int hash(int hash, byte next) {
    return 31 * hash + next;
  }

  /**
   * The hash of a whole word from its {@link DistinctWords#hash}, which the article index already
   * computed: both are the same polynomial over the bytes, this one started from the field's hash,
   * so the field's hash is carried past the word's {@code length} bytes by one multiplication.
   */
  static int hash(int fieldHash, int wordHash, int length) {
    return fieldHash * power(length) + wordHash;
  }

  /** 31 to the power {@code n}, wrapping as int arithmetic does. */
  private static int power(int n) {
    if (n < POWERS.length) {
      return POWERS[n];
    }
    int p = POWERS[POWERS.length - 1];
    for (int i = POWERS.length - 1; i < n; i++) {
      p *= 31;
    }
    return p;
  }

  private static final int[] POWERS = new int[64];

  static {
    POWERS[0] = 1;
    for (int i = 1; i < POWERS.length; i++) {
      POWERS[i] = POWERS[i - 1] * 31;
    }
  }

  private static int hash(String field, BytesRef term) {
    int h = hash(field);
    for (int i = term.offset, end = term.offset + term.length; i < end; i++) {
      h = hash(h, term.bytes[i]);
    }
    return h;
  }

  private static int slot(int hash) {
    // the top bits of a multiplicative hash are the well-mixed ones
    return (hash * 0x9E3779B9) >>> (Integer.SIZE - BITS);
  }
}
