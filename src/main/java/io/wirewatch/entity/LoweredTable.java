package io.wirewatch.entity;

import java.util.Collection;

/**
 * A set of lower-cased strings probed with a stretch of a text, lowered char by char as it is
 * compared, so that a lookup allocates nothing. The hash is String's, so a caller can hash the
 * stretch while it scans it. Most probes of a text miss; a bit per hash value answers those from a
 * few cache lines before the table is touched.
 */
final class LoweredTable {

  private final String[] strings;
  private final int[] hashes;
  private final int mask;
  private final long[] maybe;
  private final int maybeMask;

  LoweredTable(Collection<String> all) {
    int capacity = Integer.highestOneBit(Math.max(2, all.size()) * 2 - 1) * 2;
    strings = new String[capacity];
    hashes = new int[capacity];
    mask = capacity - 1;
    // eight bits per string: about one miss in nine still reaches the table
    int bits = Math.max(64, capacity * 4);
    maybe = new long[bits >>> 6];
    maybeMask = bits - 1;
    for (String s : all) {
      int hash = s.hashCode();
      int slot = slot(hash);
      while (strings[slot] != null) {
        slot = (slot + 1) & mask;
      }
      strings[slot] = s;
      hashes[slot] = hash;
      int bit = mix(hash) & maybeMask;
      maybe[bit >>> 6] |= 1L << bit;
    }
  }

  /** The slot of text[start, end) lowered, whose String hash is {@code hash}; -1 if absent. */
  int slotOf(String text, int start, int end, int hash) {
    int bit = mix(hash) & maybeMask;
    if ((maybe[bit >>> 6] & (1L << bit)) == 0) {
      return -1;
    }
    int length = end - start;
    for (int slot = slot(hash); strings[slot] != null; slot = (slot + 1) & mask) {
      if (hashes[slot] == hash
          && strings[slot].length() == length
          && loweredMatches(text, start, strings[slot])) {
        return slot;
      }
    }
    return -1;
  }

  /** The slot of a string in the table, which must hold it. */
  int slotOf(String s) {
    return slotOf(s, 0, s.length(), s.hashCode());
  }

  String at(int slot) {
    return strings[slot];
  }

  int capacity() {
    return strings.length;
  }

  private static boolean loweredMatches(String text, int at, String s) {
    for (int k = 0; k < s.length(); k++, at++) {
      if (KnowledgeBase.lower(text.charAt(at)) != s.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private int slot(int hash) {
    return mix(hash) & mask;
  }

  private static int mix(int hash) {
    int h = hash * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
