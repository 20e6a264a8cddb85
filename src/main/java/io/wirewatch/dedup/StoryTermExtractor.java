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
 */
final class StoryTermExtractor {

  private static final double NAME_BOOST = 1.5;
  private static final int MINIMUM_TERM_LENGTH = 3;
  private static final double[] LOG = new double[64];

  static {
    for (int i = 1; i < LOG.length; i++) {
      LOG[i] = Math.log(i);
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

  /**
   * The most distinctive terms, best first, of texts in {@link TextNormalizer#foldKeepingCase}
   * form, counted together as if joined by blank lines (title and body).
   */
  List<Term> topTerms(String... prepared) {
    TermTable table = TABLES.get();
    table.reset(totalLength(prepared) / 4 + 16);
    for (int t = 0; t < prepared.length; t++) {
      count(table, t, prepared[t]);
    }
    List<Term> best = best(table, prepared);
    // After the ranking, not before: a routine word that ranks high in an earnings table ("shr",
    // "cts", "qtly") is dropped rather than replaced by a weaker one, so two tables of different
    // companies keep only their names, which they don't share.
    best.removeIf(t -> documentFrequencies.isCommonHash(t.hash(), routineTermShare));
    return best;
  }

  private static int totalLength(String[] texts) {
    int length = 0;
    for (String t : texts) {
      length += t.length();
    }
    return length;
  }

  private void count(TermTable table, int textIndex, String text) {
    int length = text.length();
    int i = 0;
    while (i < length) {
      if (!WordTokenizer.isWordChar(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      // FNV-1a over the lower-case ASCII chars as they are read; any digit rules the word out, and
      // any non-ASCII char sends it to String.toLowerCase, whose rules the hash must follow
      long h = 0xcbf29ce484222325L;
      boolean digit = false;
      boolean ascii = true;
      for (; i < length; i++) {
        char c = text.charAt(i);
        if (!WordTokenizer.isWordChar(c)) {
          break;
        }
        if (c < 0x80) {
          digit |= c >= '0' && c <= '9';
          char lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
          h ^= lower;
          h *= 0x100000001b3L;
        } else {
          ascii = false;
          digit |= Character.isDigit(c);
        }
      }
      int end = i;
      if (end - start < MINIMUM_TERM_LENGTH || digit) {
        continue;
      }
      long hash = ascii ? Hashing.mix(h) : Hashing.hash(lowerCase(text, start, end));
      table.add(hash, textIndex, start, end, isNameMention(text, start, end));
    }
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
  private static boolean isNameMention(String text, int start, int end) {
    if (!Character.isUpperCase(text.charAt(start))) {
      return false;
    }
    boolean hasLowerCase = false;
    for (int i = start + 1; i < end && !hasLowerCase; i++) {
      hasLowerCase = Character.isLowerCase(text.charAt(i));
    }
    return hasLowerCase && !startsSentence(text, start);
  }

  private static boolean startsSentence(String text, int start) {
    for (int i = start - 1; i >= 0; i--) {
      char c = text.charAt(i);
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

    TermTable() {
      allocate(1024);
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
