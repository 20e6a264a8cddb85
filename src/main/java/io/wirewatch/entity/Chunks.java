package io.wirewatch.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Runs of capitalised words ("Nicole Ozer"), and runs joined by the small words names contain
 * ("International Center for Missing and Exploited Children").
 */
final class Chunks {

  /** Token indexes [from, to) of one run. */
  record Chunk(int from, int to) {}

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Set<String> JOINERS = Set.of("of", "for", "on", "de", "du", "von", "van");

  private Chunks() {}

  /** Maximal runs of capitalised words separated by nothing but spaces. */
  static List<Chunk> simple(String text, List<Token> tokens) {
    List<Chunk> chunks = new ArrayList<>();
    int i = 0;
    while (i < tokens.size()) {
      if (!isNameWord(tokens.get(i))) {
        i++;
        continue;
      }
      int j = i + 1;
      while (j < tokens.size() && isNameWord(tokens.get(j)) && spaceOnly(text, tokens, j)) {
        j++;
      }
      chunks.add(new Chunk(i, j));
      i = j;
    }
    return chunks;
  }

  /**
   * Joins simple chunks across "of", "for", "on"; "and"/"&" and "the" only after one of those, as
   * in "Department of Health and Human Services" or "Bank of the West", so "Amazon and IBM" stays
   * apart.
   */
  static Chunk extend(String text, List<Token> tokens, List<Chunk> chunks, int first) {
    Chunk current = chunks.get(first);
    int to = current.to();
    boolean joined = false;
    boolean anded = false;
    for (int k = first + 1; k < chunks.size(); k++) {
      Chunk next = chunks.get(k);
      int gapStart = tokens.get(to - 1).end();
      int gapEnd = tokens.get(next.from()).start();
      // Most gaps hold a sentence's worth of lower-case words: they are turned down by a scan
      // that stops at the third word, before any string is built from them.
      if (!mayJoin(text, gapStart, gapEnd)) {
        break;
      }
      String gap = text.substring(gapStart, gapEnd);
      boolean and = gap.trim().equals("and") || gap.trim().equals("&");
      // A second "and" is a list of names, not one name: "... Children and Marinus Analytics".
      if (!joins(gap, joined) || and && anded) {
        break;
      }
      joined = true;
      anded |= and;
      to = next.to();
    }
    return new Chunk(current.from(), to);
  }

  /** How many simple chunks an extended chunk spans. */
  static int count(List<Chunk> chunks, int first, Chunk extended) {
    int k = first;
    while (k < chunks.size() && chunks.get(k).to() <= extended.to()) {
      k++;
    }
    return k - first;
  }

  /**
   * What {@link #joins} needs before it looks at the words: a gap that starts with a space, stays
   * on one line and holds at most two words (split as {@code trim().split("\\s+")} splits).
   * Package-private for ChunkGapsTest, which holds it to the old check.
   */
  static boolean mayJoin(String text, int from, int to) {
    if (from >= to || text.charAt(from) != ' ') {
      return false;
    }
    int words = 0;
    boolean inWord = false;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        return false;
      }
      // trim() cuts every char up to ' ' at the ends, and \s is a subset of those, so a word is a
      // run of anything but \s that holds a char above ' '
      boolean space = c == ' ' || c == '\t' || c == '\u000B' || c == '\f' || c == '\r';
      if (!space && !inWord && c > ' ') {
        words++;
        if (words > 2) {
          return false;
        }
      }
      inWord = !space && (inWord || c > ' ');
    }
    return true;
  }

  private static boolean joins(String gap, boolean joined) {
    String[] words = WHITESPACE.split(gap.trim());
    if (gap.indexOf('\n') >= 0 || words.length == 0 || words.length > 2 || !gap.startsWith(" ")) {
      return false;
    }
    String w = words[0];
    if (words.length == 2) {
      return JOINERS.contains(w) && words[1].equals("the");
    }
    return JOINERS.contains(w) || joined && (w.equals("and") || w.equals("&"));
  }

  static boolean isNameWord(Token t) {
    return t.capitalised() && Character.isLetter(t.text().charAt(0));
  }

  private static boolean spaceOnly(String text, List<Token> tokens, int j) {
    int from = tokens.get(j - 1).end();
    int to = tokens.get(j).start();
    if (to - from != 1) {
      return false;
    }
    return text.charAt(from) == ' ';
  }
}
