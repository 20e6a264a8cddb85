package io.wirewatch.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lower-cased names filed by their first word, looked up only where a name may start. A name only
 * counts between word boundaries, so trying each boundary once replaces running an automaton over
 * every char and throwing away the names found inside other words.
 *
 * <p>A name's first word is its first char, then the word chars after it (letters, digits, _
 * and @). At a start in the text the same cut gives the same word, as lower-casing never turns a
 * word char into a boundary char or back (NameIndexTest checks every char).
 *
 * @param <V> what a name maps to
 */
final class NameIndex<V> {

  /** A name as it was found: where, its lower-cased key and its value. */
  record Found<V>(int start, int end, String key, V value) {}

  private record Name<V>(String key, V value) {}

  // Open addressing on the first word; the hash is String's, so a text's word is hashed in place.
  private final String[] firstWords;
  private final Name<V>[][] names;
  private final int mask;

  @SuppressWarnings("unchecked")
  NameIndex(Map<String, V> byKey) {
    Map<String, List<Name<V>>> byFirstWord = new java.util.HashMap<>();
    byKey.forEach(
        (key, value) -> {
          if (!key.isEmpty()) {
            byFirstWord
                .computeIfAbsent(key.substring(0, firstWordEnd(key, 0)), w -> new ArrayList<>(1))
                .add(new Name<>(key, value));
          }
        });
    int capacity = Integer.highestOneBit(Math.max(2, byFirstWord.size()) * 2 - 1) * 2;
    firstWords = new String[capacity];
    names = new Name[capacity][];
    mask = capacity - 1;
    byFirstWord.forEach(
        (word, list) -> {
          int slot = slot(word.hashCode());
          while (firstWords[slot] != null) {
            slot = (slot + 1) & mask;
          }
          firstWords[slot] = word;
          names[slot] = list.toArray(new Name[0]);
        });
  }

  /**
   * Every name in {@code lowered} (the text lower-cased char by char) that starts and ends on a
   * boundary of {@code text}; overlapping names included, ordered by start.
   */
  List<Found<V>> find(String text, String lowered) {
    List<Found<V>> found = new ArrayList<>();
    int length = lowered.length();
    for (int start = 0; start < length; start++) {
      if (!KnowledgeBase.isBoundary(text, start - 1)) {
        continue;
      }
      int wordEnd = firstWordEnd(lowered, start);
      Name<V>[] candidates = lookUp(lowered, start, wordEnd);
      if (candidates == null) {
        continue;
      }
      int firstLength = wordEnd - start;
      for (Name<V> name : candidates) {
        String key = name.key();
        int end = start + key.length();
        if (end <= length
            && KnowledgeBase.isBoundary(text, end)
            && lowered.regionMatches(wordEnd, key, firstLength, key.length() - firstLength)) {
          found.add(new Found<>(start, end, key, name.value()));
        }
      }
    }
    return found;
  }

  private Name<V>[] lookUp(String lowered, int start, int end) {
    int hash = 0;
    for (int i = start; i < end; i++) {
      hash = 31 * hash + lowered.charAt(i);
    }
    int length = end - start;
    for (int slot = slot(hash); firstWords[slot] != null; slot = (slot + 1) & mask) {
      String word = firstWords[slot];
      if (word.length() == length && lowered.regionMatches(start, word, 0, length)) {
        return names[slot];
      }
    }
    return null;
  }

  private int slot(int hash) {
    return (hash ^ (hash >>> 16)) & mask;
  }

  static int firstWordEnd(String s, int start) {
    int end = start + 1;
    while (end < s.length() && !KnowledgeBase.isBoundary(s, end)) {
      end++;
    }
    return end;
  }
}
