package io.wirewatch.entity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lower-cased names looked up only where a name may start. A name only counts between word
 * boundaries, so trying each boundary once replaces running an automaton over every char and
 * throwing away the names found inside other words.
 *
 * <p>A name's first word is its first char, then the word chars after it (letters, digits, _
 * and @). At a start in the text the same cut gives the same word, as lower-casing never turns a
 * word char into a boundary char or back (NameIndexTest checks every char). Only a known first word
 * leads on, and only as far as that word's longest name, trying each boundary on the way.
 *
 * @param <V> what a name maps to
 */
final class NameIndex<V> {

  /** A name as it was found: where, its lower-cased key and its value. */
  record Found<V>(int start, int end, String key, V value) {}

  private static final boolean[] WORD_CHARS = new boolean[128];

  static {
    for (char c = 0; c < 128; c++) {
      WORD_CHARS[c] = KnowledgeBase.isWordChar(c);
    }
  }

  private final LoweredTable firstWords;
  private final int[] longest; // by first word's slot: the length of its longest name
  private final LoweredTable keys;
  private final Object[] values; // by key's slot
  private final boolean empty;

  NameIndex(Map<String, V> byKey) {
    Map<String, Integer> longestByWord = new HashMap<>();
    byKey.keySet().stream()
        .filter(k -> !k.isEmpty())
        .forEach(
            k -> longestByWord.merge(k.substring(0, firstWordEnd(k, 0)), k.length(), Math::max));
    firstWords = new LoweredTable(longestByWord.keySet());
    longest = new int[firstWords.capacity()];
    longestByWord.forEach((word, length) -> longest[firstWords.slotOf(word)] = length);
    List<String> nonEmpty = new ArrayList<>(byKey.keySet());
    nonEmpty.remove("");
    keys = new LoweredTable(nonEmpty);
    values = new Object[keys.capacity()];
    nonEmpty.forEach(k -> values[keys.slotOf(k)] = byKey.get(k));
    empty = nonEmpty.isEmpty();
  }

  /**
   * Every name in {@code text}, compared lower-cased char by char, that starts and ends on a
   * boundary; overlapping names included, ordered by start, then end.
   */
  List<Found<V>> find(String text) {
    List<Found<V>> found = new ArrayList<>();
    if (empty) { // an overlay with nothing in it yet: no scan at all
      return found;
    }
    int length = text.length();
    int start = 0;
    while (start < length) {
      // each char is lowered and classified once while the first word is hashed
      char first = KnowledgeBase.lower(text.charAt(start));
      int hash = first;
      int wordEnd = start + 1;
      if (isWordChar(first)) {
        while (wordEnd < length) {
          char c = KnowledgeBase.lower(text.charAt(wordEnd));
          if (!isWordChar(c)) {
            break;
          }
          hash = 31 * hash + c;
          wordEnd++;
        }
      }
      int word = firstWords.slotOf(text, start, wordEnd, hash);
      if (word >= 0) {
        addNames(text, start, wordEnd, hash, Math.min(length, start + longest[word]), found);
      }
      // the char after a word is a boundary, so the next name can only start after it
      start = isWordChar(first) ? wordEnd + 1 : wordEnd;
    }
    return found;
  }

  // From the first word on, every boundary up to the longest name is a possible end.
  @SuppressWarnings("unchecked")
  private void addNames(
      String text, int start, int end, int hash, int limit, List<Found<V>> found) {
    while (true) {
      if (KnowledgeBase.isBoundary(text, end)) {
        int key = keys.slotOf(text, start, end, hash);
        if (key >= 0) {
          found.add(new Found<>(start, end, keys.at(key), (V) values[key]));
        }
      }
      if (end >= limit) {
        return;
      }
      hash = 31 * hash + KnowledgeBase.lower(text.charAt(end));
      end++;
    }
  }

  static int firstWordEnd(String s, int start) {
    int end = start + 1;
    if (isWordChar(s.charAt(start))) {
      while (end < s.length() && isWordChar(s.charAt(end))) {
        end++;
      }
    }
    return end;
  }

  private static boolean isWordChar(char c) {
    return c < 128 ? WORD_CHARS[c] : KnowledgeBase.isWordChar(c);
  }
}
