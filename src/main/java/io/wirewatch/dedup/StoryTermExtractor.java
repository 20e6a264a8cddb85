package io.wirewatch.dedup;

import io.wirewatch.text.TextNormalizer;
import io.wirewatch.text.WordTokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Picks the terms that say which event an article reports: names and words that are rare in the
 * reference corpus but frequent in the article. Independent write-ups of one event share few words
 * but most of these.
 *
 * <p>Terms are counted by their 64-bit {@link Hashing#hash} in an open-addressing table, hashed on
 * the text's char ranges: a String per word and a map of Strings cost more than the rest of the
 * fingerprint together. A term's String is made only when two terms tie on score.
 *
 * <p>The same pass over the body hashes all its words for the passage and exact keys ({@link
 * WordHashes}): reading the words once instead of twice took about a quarter off the fingerprint.
 */
final class StoryTermExtractor {

  private static final double NAME_BOOST = 1.5;
  private static final int MINIMUM_TERM_LENGTH = 3;
  private static final double[] LOG = new double[64];
  // an ASCII word char in lower case, 0 for a char that is not part of a word
  private static final char[] ASCII_WORD_LOWER = new char[0x80];

  static {
    for (int i = 1; i < LOG.length; i++) {
      LOG[i] = Math.log(i);
    }
    for (char c = 0; c < ASCII_WORD_LOWER.length; c++) {
      if (WordTokenizer.isWordChar(c)) {
        ASCII_WORD_LOWER[c] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
      }
    }
  }

  // One table per thread, reused: a fresh one per article (six arrays sized for the text) cost
  // more to allocate and zero than counting the terms. Only used slots are cleared and visited.
  private static final ThreadLocal<TermTable> TABLES = ThreadLocal.withInitial(TermTable::new);

  private final DocumentFrequencies documentFrequencies;
  private final int termCount;
  private final double routineTermShare;

  StoryTermExtractor(DedupSettings settings) {
    this.documentFrequencies = settings.documentFrequencies();
    this.termCount = settings.storyTerms();
    this.routineTermShare = settings.storyRoutineTermShare();
  }

  /** A chosen term: its hash, which story keys are made of, and its lower-case text. */
  record Term(long hash, String text) {}

  /** One scan's results: the top terms of title and body, and the body's word hashes. */
  record Scan(List<Term> topTerms, WordHashes bodyWords) {}

  /**
   * The most distinctive terms, best first, of a title and body in {@link
   * TextNormalizer#foldKeepingCase} form, counted together as if joined by a blank line; and, from
   * the same pass over the body, the {@link WordHashes} of the body in lower case, which the
   * passage and exact keys are made of. One pass instead of two: reading the words is most of the
   * cost of either.
   */
  Scan scan(String title, String body) {
    TermTable table = TABLES.get();
    String[] prepared = {title, body};
    table.reset((title.length() + body.length()) / 4 + 16);
    count(table, 0, title, null);
    WordHashes.Builder words = new WordHashes.Builder(body.length());
    boolean latin1 = count(table, 1, body, words);
    // Beyond Latin-1, lower-casing the whole text may change its length and word bounds (U+0130
    // becomes "i" and a combining dot), so the words are read again where they lie in the
    // lower-cased text, as the exact and passage keys always have been.
    WordHashes bodyWords = latin1 ? words.build() : WordHashes.of(body.toLowerCase(Locale.ROOT));
    List<Term> best = best(table, prepared);
    // After the ranking, not before: a routine word that ranks high in an earnings table ("shr",
    // "cts", "qtly") is dropped rather than replaced by a weaker one, so two tables of different
    // companies keep only their names, which they don't share.
    best.removeIf(t -> documentFrequencies.isCommonHash(t.hash(), routineTermShare));
    return new Scan(best, bodyWords);
  }

  /**
   * Counts the terms of {@code text} and, when {@code words} is given, adds the hash of each of its
   * words in lower case. True when every char of the text is Latin-1: for those, lower-casing char
   * by char is what {@link String#toLowerCase} does to the whole text, so the hashes are the words
   * of the lower-cased text.
   */
  private static boolean count(
      TermTable table, int textIndex, String text, WordHashes.Builder words) {
    int length = text.length();
    // read from a copy: String.charAt checks the string's coder on every char
    char[] chars = table.chars(length);
    text.getChars(0, length, chars, 0);
    boolean latin1 = true;
    int i = 0;
    while (i < length) {
      char first = chars[i];
      if (!WordTokenizer.isWordChar(first)) {
        latin1 &= first < 0x100;
        i++;
        continue;
      }
      int start = i;
      // the hash of the lower-case word as it is read; any digit rules the word out as a term, and
      // a char beyond Latin-1 sends the word to String.toLowerCase, whose rules the hash must
      // follow
      long h = Hashing.start();
      boolean digit = false;
      boolean wordLatin1 = true;
      for (; i < length; i++) {
        char c = chars[i];
        if (c < 0x80) {
          char lower = ASCII_WORD_LOWER[c];
          if (lower == 0) {
            break;
          }
          digit |= c <= '9'; // the only ASCII word chars below 'A'
          h = Hashing.step(h, lower);
        } else {
          if (!WordTokenizer.isWordChar(c)) {
            break;
          }
          digit |= Character.isDigit(c);
          wordLatin1 &= c < 0x100;
          h = Hashing.step(h, Character.toLowerCase(c));
        }
      }
      int end = i;
      latin1 &= wordLatin1;
      long hash = wordLatin1 ? Hashing.mix(h) : Hashing.hash(lowerCase(text, start, end));
      if (words != null) {
        words.add(hash);
      }
      if (end - start >= MINIMUM_TERM_LENGTH && !digit) {
        table.add(hash, textIndex, start, end, isNameMention(chars, start, end));
      }
    }
    return latin1;
  }

  /**
   * The top terms by score, ties by term; a bounded insertion list, since articles have hundreds of
   * terms and keep a handful.
   */
  private List<Term> best(TermTable table, String[] prepared) {
    int k = termCount;
    int[] top = new int[k];
    double[] topScores = new double[k];
    String[] topTexts = new String[k];
    int size = 0;
    for (int u = 0; u < table.size && k > 0; u++) {
      int slot = table.used[u];
      double score = score(table, slot);
      if (size == k
          && !better(table, prepared, slot, score, null, topScores[k - 1], topTexts, k - 1, top)) {
        continue;
      }
      int at = size == k ? k - 1 : size;
      String text = null;
      while (at > 0
          && better(table, prepared, slot, score, text, topScores[at - 1], topTexts, at - 1, top)) {
        at--;
      }
      int last = Math.min(size, k - 1);
      System.arraycopy(top, at, top, at + 1, last - at);
      System.arraycopy(topScores, at, topScores, at + 1, last - at);
      System.arraycopy(topTexts, at, topTexts, at + 1, last - at);
      top[at] = slot;
      topScores[at] = score;
      topTexts[at] = null;
      size = Math.min(size + 1, k);
    }
    List<Term> terms = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      String text = topTexts[i] != null ? topTexts[i] : table.text(prepared, top[i]);
      terms.add(new Term(table.hashes[top[i]], text));
    }
    return terms;
  }

  /**
   * True when the term in {@code slot} ranks above the kept term at {@code index}: higher score, or
   * the same score and a smaller term, as the former priority queue ordered them.
   */
  private static boolean better(
      TermTable table,
      String[] prepared,
      int slot,
      double score,
      String text,
      double otherScore,
      String[] topTexts,
      int index,
      int[] top) {
    if (score != otherScore) {
      return score > otherScore;
    }
    if (topTexts[index] == null) {
      topTexts[index] = table.text(prepared, top[index]);
    }
    String own = text != null ? text : table.text(prepared, slot);
    return own.compareTo(topTexts[index]) < 0;
  }

  private double score(TermTable table, int slot) {
    int occurrences = table.occurrences[slot];
    double boost = table.nameMentions[slot] > 0 ? NAME_BOOST : 1.0;
    double log = occurrences < LOG.length ? LOG[occurrences] : Math.log(occurrences);
    return documentFrequencies.inverseFrequencyOfHash(table.hashes[slot]) * (1 + log) * boost;
  }

  private static String lowerCase(String text, int start, int end) {
    return text.substring(start, end).toLowerCase(Locale.ROOT);
  }

  /** Title case inside a sentence: a name rather than a sentence start or a shouted headline. */
  private static boolean isNameMention(char[] text, int start, int end) {
    if (!Character.isUpperCase(text[start])) {
      return false;
    }
    boolean hasLowerCase = false;
    for (int i = start + 1; i < end && !hasLowerCase; i++) {
      hasLowerCase = Character.isLowerCase(text[i]);
    }
    return hasLowerCase && !startsSentence(text, start);
  }

  private static boolean startsSentence(char[] text, int start) {
    for (int i = start - 1; i >= 0; i--) {
      char c = text[i];
      if (c == '\n' || c == '.' || c == '!' || c == '?' || c == ':') {
        return true;
      }
      if (!Character.isWhitespace(c) && c != '"' && c != '\'' && c != '(') {
        return false;
      }
    }
    return true;
  }

  /** Term counts by hash, with where each term first occurred so its text can be recovered. */
  private static final class TermTable {
    long[] hashes;
    int[] occurrences;
    int[] nameMentions;
    int[] firstText;
    int[] firstStart;
    int[] firstEnd;
    int[] used;
    private int mask;
    int size;

    private char[] chars = new char[4096];

    TermTable() {
      allocate(1024);
    }

    /** A buffer for a text of {@code length} chars, reused from article to article. */
    char[] chars(int length) {
      if (chars.length < length) {
        chars = new char[Math.max(length, chars.length * 2)];
      }
      return chars;
    }

    private void allocate(int slots) {
      hashes = new long[slots];
      occurrences = new int[slots];
      nameMentions = new int[slots];
      firstText = new int[slots];
      firstStart = new int[slots];
      firstEnd = new int[slots];
      used = new int[slots / 2];
      mask = slots - 1;
      size = 0;
    }

    /** Empties the table, with room for {@code maximumTerms} at load 1/2 or less. */
    void reset(int maximumTerms) {
      int slots = Integer.highestOneBit(Math.max(16, maximumTerms * 2 - 1)) << 1;
      if (slots > hashes.length) {
        allocate(slots);
        return;
      }
      for (int u = 0; u < size; u++) {
        occurrences[used[u]] = 0;
        nameMentions[used[u]] = 0;
      }
      size = 0;
    }

    void add(long hash, int text, int start, int end, boolean nameMention) {
      int slot = (int) hash & mask;
      while (occurrences[slot] != 0 && hashes[slot] != hash) {
        slot = (slot + 1) & mask;
      }
      if (occurrences[slot] == 0) {
        // reset() sized the table for a term per 4 chars, the most there can be
        used[size++] = slot;
        hashes[slot] = hash;
        firstText[slot] = text;
        firstStart[slot] = start;
        firstEnd[slot] = end;
      }
      occurrences[slot]++;
      if (nameMention) {
        nameMentions[slot]++;
      }
    }

    String text(String[] prepared, int slot) {
      return lowerCase(prepared[firstText[slot]], firstStart[slot], firstEnd[slot]);
    }
  }
}
