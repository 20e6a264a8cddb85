package io.wirewatch.dedup;

import io.wirewatch.text.TextNormalizer;
import io.wirewatch.text.WordTokenizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * Picks the terms that say which event an article reports: names and words that are rare in the
 * reference corpus but frequent in the article. Independent write-ups of one event share few words
 * but most of these.
 *
 * <p>Terms are counted by their 64-bit {@link Hashing#wordHash} in an open-addressing table, hashed
 * on the text's char ranges: a String per word and a map of Strings cost more than the rest of the
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

  /**
   * One scan's results: the {@link Hashing#wordHash}es of the top terms of title and body, best
   * first, which story keys are made of, and the body's word hashes. The word hashes lie in a
   * buffer of the thread's, reused by its next scan: read them before.
   */
  record Scan(long[] topTerms, WordHashes bodyWords) {}

  /**
   * The most distinctive terms, best first, of a title and body in {@link
   * TextNormalizer#foldKeepingCase} form (folded here from the article's raw texts), counted
   * together as if joined by a blank line; and, from the same pass over the body, the {@link
   * WordHashes} of the body in lower case, which the passage and exact keys are made of. One pass
   * instead of two: reading the words is most of the cost of either.
   */
  Scan scan(String rawTitle, String rawBody) {
    TermTable table = TABLES.get();
    FoldedText title = table.texts[0];
    FoldedText body = table.texts[1];
    title.fold(rawTitle);
    // not yet known to be ASCII when folded the short way: the word scan tests it
    body.foldUnchecked(rawBody);
    table.reset();
    count(table, 0, title, null);
    WordHashes asciiWords = body.plain || body.ascii ? countAscii(table, body) : null;
    if (asciiWords == null && body.plain) {
      body.foldFully(rawBody);
      asciiWords = body.ascii ? countAscii(table, body) : null;
    }
    if (asciiWords != null) {
      return new Scan(best(table), asciiWords);
    }
    WordHashes.Builder words = new WordHashes.Builder(table.wordHashes);
    boolean latin1 = count(table, 1, body, words);
    // Beyond Latin-1, lower-casing the whole text may change its length and word bounds (U+0130
    // becomes "i" and a combining dot), so the words are read again where they lie in the
    // lower-cased text, as the exact and passage keys always have been.
    WordHashes bodyWords =
        latin1 ? words.build() : WordHashes.of(body.string().toLowerCase(Locale.ROOT));
    if (latin1) {
      table.wordHashes = bodyWords.hashes;
    }
    return new Scan(best(table), bodyWords);
  }

  /**
   * {@link #count} of an ASCII body, giving its word hashes: the same hashes, terms and name tests,
   * with the words found and hashed eight chars at a time ({@link AsciiWords}). Null, with nothing
   * counted, when the body is not ASCII after all.
   */
  private static WordHashes countAscii(TermTable table, FoldedText text) {
    char[] chars = text.chars;
    AsciiWords words = table.asciiWords;
    if (!words.scan(chars, text.length)) {
      return null;
    }
    int count = words.count;
    table.reserveWords(count);
    long[] hashes = table.wordHashes;
    int[] starts = words.starts;
    int[] ends = words.ends;
    for (int w = 0; w < count; w++) {
      int first = starts[w];
      int end = ends[w];
      long hash = words.hash(first, end);
      hashes[w] = hash;
      long flags = words.flags;
      // Only terms go to the table. Sending every word, a non-term counting nothing, to spare the
      // branch (a quarter of news words are short or hold a digit) cost 7% of the fingerprint more
      // in a side-by-side run: the probes cost more than the branch.
      if (end - first >= MINIMUM_TERM_LENGTH && (flags & AsciiWords.DIGIT) == 0) {
        boolean name =
            (flags & AsciiWords.LOWER_CASE) != 0
                && isNameCase(chars[first])
                && !startsSentence(chars, first);
        table.add(hash, 1, first, end, name);
      }
    }
    return WordHashes.wrap(hashes, count);
  }

  /**
   * Counts the terms of {@code text} and, when {@code words} is given, adds the hash of each of its
   * words in lower case. True when every char of the text is Latin-1: for those, lower-casing char
   * by char is what {@link String#toLowerCase} does to the whole text, so the hashes are the words
   * of the lower-cased text.
   */
  private static boolean count(
      TermTable table, int textIndex, FoldedText text, WordHashes.Builder words) {
    int length = text.length;
    // read from chars, not a String: String.charAt checks the string's coder on every char
    char[] chars = text.chars;
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
      long h = Hashing.WORD_SEED;
      long chunk = 0;
      boolean digit = false;
      boolean wordLatin1 = true;
      // whether any char is lower case, read as the hash is: a second pass over each word for the
      // name test cost as much as the term table
      boolean lowerCase = false;
      for (; i < length; i++) {
        char c = chars[i];
        if (c < 0x80) {
          char lower = ASCII_WORD_LOWER[c];
          if (lower == 0) {
            break;
          }
          digit |= c <= '9'; // the only ASCII word chars below 'A'
          lowerCase |= c >= 'a'; // the only ASCII word chars from 'a' on are 'a' to 'z'
          chunk ^= (long) lower << ((i - start) << 3);
        } else {
          if (!WordTokenizer.isWordChar(c)) {
            break;
          }
          digit |= Character.isDigit(c);
          lowerCase |= Character.isLowerCase(c);
          wordLatin1 &= c < 0x100;
          chunk ^= (long) Character.toLowerCase(c) << ((i - start) << 3);
        }
        // as Hashing.wordHash takes the chars: eight to a chunk (a long shift is modulo 64)
        if (((i - start) & 7) == 7) {
          h = Hashing.wordChunk(h, chunk);
          chunk = 0;
        }
      }
      int end = i;
      if (((end - start) & 7) != 0) {
        h = Hashing.wordChunk(h, chunk);
      }
      latin1 &= wordLatin1;
      long hash =
          wordLatin1
              ? Hashing.wordEnd(h, end - start)
              : Hashing.wordHash(lowerCase(chars, start, end));
      if (words != null) {
        words.add(hash);
      }
      if (end - start >= MINIMUM_TERM_LENGTH && !digit) {
        boolean name = lowerCase && isNameCase(chars[start]) && !startsSentence(chars, start);
        table.add(hash, textIndex, start, end, name);
      }
    }
    return latin1;
  }

  /**
   * The top terms by score, ties by term; a bounded insertion list, since articles have hundreds of
   * terms and keep a handful.
   */
  private long[] best(TermTable table) {
    int k = termCount;
    int[] top = new int[k];
    double[] topScores = new double[k];
    int size = 0;
    double largestInverseFrequency = documentFrequencies.largestInverseFrequency();
    for (int u = 0; u < table.size && k > 0; u++) {
      int slot = table.used[u];
      // Most terms occur once and can't beat the kept ones even with the rarest frequency: they
      // are passed over without a probe into the frequency table. (The bound is computed as the
      // score is, and rounding is monotonic, so no term that could rank is skipped.)
      if (size == k && scoreWith(table, slot, largestInverseFrequency) < topScores[k - 1]) {
        continue;
      }
      double score = score(table, slot);
      if (size == k && !better(table, slot, score, top[k - 1], topScores[k - 1])) {
        continue;
      }
      int at = size == k ? k - 1 : size;
      while (at > 0 && better(table, slot, score, top[at - 1], topScores[at - 1])) {
        at--;
      }
      int last = Math.min(size, k - 1);
      System.arraycopy(top, at, top, at + 1, last - at);
      System.arraycopy(topScores, at, topScores, at + 1, last - at);
      top[at] = slot;
      topScores[at] = score;
      size = Math.min(size + 1, k);
    }
    long[] terms = new long[size];
    int kept = 0;
    for (int i = 0; i < size; i++) {
      // After the ranking, not before: a routine word that ranks high in an earnings table ("shr",
      // "cts", "qtly") is dropped rather than replaced by a weaker one, so two tables of different
      // companies keep only their names, which they don't share.
      long hash = table.hash(top[i]);
      if (!documentFrequencies.isCommonHash(hash, routineTermShare)) {
        terms[kept++] = hash;
      }
    }
    return kept == size ? terms : Arrays.copyOf(terms, kept);
  }

  /**
   * True when the term in {@code slot} ranks above the one in {@code otherSlot}: higher score, or
   * the same score and a smaller term, as the former priority queue ordered them.
   */
  private static boolean better(
      TermTable table, int slot, double score, int otherSlot, double otherScore) {
    if (score != otherScore) {
      return score > otherScore;
    }
    return compareTexts(table, slot, otherSlot) < 0;
  }

  /**
   * The sign of {@code compareTo} between two terms' lower-case texts, read where they lie in the
   * text: many terms tie on score (each seen once, each unknown to the corpus), and a pair of
   * Strings per comparison cost a tenth of the fingerprint. Latin-1 chars lower-case one to one, as
   * {@link String#toLowerCase} does them; at any other char the Strings are compared.
   */
  private static int compareTexts(TermTable table, int a, int b) {
    char[] textA = table.texts[table.textOf(a)].chars;
    char[] textB = table.texts[table.textOf(b)].chars;
    int i = table.start(a);
    int j = table.start(b);
    int endA = table.end(a);
    int endB = table.end(b);
    for (; i < endA && j < endB; i++, j++) {
      char ca = textA[i];
      char cb = textB[j];
      if ((ca | cb) >= 0x100) {
        return table.text(a).compareTo(table.text(b));
      }
      if (ca != cb) {
        char lowerA = Character.toLowerCase(ca);
        char lowerB = Character.toLowerCase(cb);
        if (lowerA != lowerB) {
          return lowerA - lowerB;
        }
      }
    }
    if (isLatin1(textA, i, endA) && isLatin1(textB, j, endB)) {
      // equal up to the shorter one's end: the shorter comes first
      return (endA - i) - (endB - j);
    }
    return table.text(a).compareTo(table.text(b));
  }

  private static boolean isLatin1(char[] text, int start, int end) {
    for (int i = start; i < end; i++) {
      if (text[i] >= 0x100) {
        return false;
      }
    }
    return true;
  }

  private double score(TermTable table, int slot) {
    return scoreWith(table, slot, documentFrequencies.inverseFrequencyOfHash(table.hash(slot)));
  }

  private static double scoreWith(TermTable table, int slot, double inverseFrequency) {
    int occurrences = table.occurrences(slot);
    double boost = table.nameMentions(slot) > 0 ? NAME_BOOST : 1.0;
    double log = occurrences < LOG.length ? LOG[occurrences] : Math.log(occurrences);
    return inverseFrequency * (1 + log) * boost;
  }

  private static String lowerCase(char[] text, int start, int end) {
    return new String(text, start, end - start).toLowerCase(Locale.ROOT);
  }

  /**
   * True for a word's first char that makes it a name when the word also has a lower-case char:
   * title case inside a sentence is a name, rather than a sentence start or a shouted headline. An
   * upper-case first char is not lower case, so a lower-case char of the word is one after it.
   */
  private static boolean isNameCase(char first) {
    if (first < 0x80) {
      return first >= 'A' && first <= 'Z';
    }
    return Character.isUpperCase(first) && !Character.isLowerCase(first);
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

  /**
   * Term counts by hash, with where the term occurred so its text can be recovered. A slot's hash
   * and counts lie side by side in one array (one cache line per probe), and the table grows with
   * the terms rather than being sized for the most a text could hold: a 4 KB article has a few
   * hundred terms, and six arrays sized for a thousand missed the first-level cache on nearly every
   * word.
   *
   * <p>About half the words of an article are a term's first occurrence, a coin toss: a term is
   * added without a branch on whether it is new. Its place is written on every occurrence, as any
   * occurrence of a term has the same lower-case text.
   */
  private static final class TermTable {
    // per slot s: the hash at 2s, occurrences | name mentions << 32 at 2s + 1 (0: a free slot)
    private long[] slots;
    // per slot s: start << 1 | which text at 2s, end at 2s + 1
    private int[] places;
    // the used slots in the order their terms came, with room for one more: each add writes there
    int[] used;
    private int mask;
    // the terms held before the table grows: half its slots
    private int limit;
    int size;

    // the title's and the body's folded chars
    final FoldedText[] texts = {new FoldedText(256), new FoldedText(4096)};
    // the body's word hashes, reused from article to article like the chars: a fresh array per
    // article was a tenth of the fingerprint's allocation and its zeroing showed in profiles
    long[] wordHashes = new long[1024];
    // an ASCII body's words, found eight chars at a time
    final AsciiWords asciiWords = new AsciiWords();

    /** Room for {@code words} words in {@link #wordHashes}. */
    void reserveWords(int words) {
      if (wordHashes.length < words) {
        wordHashes = new long[Math.max(words, wordHashes.length * 2)];
      }
    }

    TermTable() {
      allocate(1024);
    }

    private void allocate(int slotCount) {
      slots = new long[2 * slotCount];
      places = new int[2 * slotCount];
      limit = slotCount / 2;
      used = new int[limit + 1];
      mask = slotCount - 1;
      size = 0;
    }

    /** Empties the table. */
    void reset() {
      for (int u = 0; u < size; u++) {
        slots[2 * used[u] + 1] = 0;
      }
      size = 0;
    }

    int occurrences(int slot) {
      return (int) slots[2 * slot + 1];
    }

    int nameMentions(int slot) {
      return (int) (slots[2 * slot + 1] >>> 32);
    }

    long hash(int slot) {
      return slots[2 * slot];
    }

    void add(long hash, int text, int start, int end, boolean nameMention) {
      int slot = slotOf(hash);
      long counts = slots[2 * slot + 1];
      if (size == limit && counts == 0) {
        // at load 1/2: double, and find this term's slot again
        grow();
        slot = slotOf(hash);
      }
      // 1 for a new term (counts 0), else 0
      long isNew = (counts - 1) >>> 63;
      used[size] = slot;
      size += (int) isNew;
      slots[2 * slot] = hash;
      slots[2 * slot + 1] = counts + 1 + ((nameMention ? 1L : 0L) << 32);
      places[2 * slot] = start << 1 | text;
      places[2 * slot + 1] = end;
    }

    /** The slot that holds {@code hash}, or the free slot where it would go. */
    private int slotOf(long hash) {
      int slot = (int) hash & mask;
      // one test for both ends of the probe (a free slot, or the hash), which are equally likely
      while (!(slots[2 * slot + 1] == 0 | slots[2 * slot] == hash)) {
        slot = (slot + 1) & mask;
      }
      return slot;
    }

    /** Twice the slots, the terms moved over in the order they came, so the ranking is the same. */
    private void grow() {
      long[] oldSlots = slots;
      int[] oldPlaces = places;
      int[] oldUsed = used;
      int oldSize = size;
      allocate(oldSlots.length);
      for (int u = 0; u < oldSize; u++) {
        int from = oldUsed[u];
        long hash = oldSlots[2 * from];
        int slot = (int) hash & mask;
        while (slots[2 * slot + 1] != 0) {
          slot = (slot + 1) & mask;
        }
        used[size++] = slot;
        slots[2 * slot] = hash;
        slots[2 * slot + 1] = oldSlots[2 * from + 1];
        places[2 * slot] = oldPlaces[2 * from];
        places[2 * slot + 1] = oldPlaces[2 * from + 1];
      }
    }

    int textOf(int slot) {
      return places[2 * slot] & 1;
    }

    int start(int slot) {
      return places[2 * slot] >>> 1;
    }

    int end(int slot) {
      return places[2 * slot + 1];
    }

    String text(int slot) {
      return lowerCase(texts[textOf(slot)].chars, start(slot), end(slot));
    }
  }

  /**
   * A text in {@link TextNormalizer#foldKeepingCase} form as chars in a buffer reused from article
   * to article: the word scan reads chars, and most wire copy is folded straight into them ({@link
   * TextNormalizer#foldPlainAsciiInto}) without a String in between.
   */
  private static final class FoldedText {
    char[] chars;
    int length;
    // known to be ASCII
    boolean ascii;
    // folded the short way (TextNormalizer.foldPlainInto) but not tested for ASCII: the fold only
    // when it is
    boolean plain;

    FoldedText(int capacity) {
      chars = new char[capacity];
    }

    void fold(String raw) {
      reserve(raw.length());
      length = TextNormalizer.foldPlainAsciiInto(raw, chars);
      ascii = length >= 0;
      plain = false;
      if (length < 0) {
        foldFully(raw);
      }
    }

    /** {@link #fold} but for its ASCII test when the text is folded the short way. */
    void foldUnchecked(String raw) {
      reserve(raw.length());
      length = TextNormalizer.foldPlainInto(raw, chars);
      plain = length >= 0;
      ascii = false;
      if (length < 0) {
        foldFully(raw);
      }
    }

    /** Markup, other references or non-ASCII chars: the full normaliser (NFKC may lengthen it). */
    void foldFully(String raw) {
      String folded = TextNormalizer.foldKeepingCase(raw);
      reserve(folded.length());
      folded.getChars(0, folded.length(), chars, 0);
      length = folded.length();
      ascii = isAscii(chars, length);
      plain = false;
    }

    private void reserve(int capacity) {
      if (chars.length < capacity) {
        chars = new char[Math.max(capacity, chars.length * 2)];
      }
    }

    private static boolean isAscii(char[] chars, int length) {
      for (int i = 0; i < length; i++) {
        if (chars[i] >= 0x80) {
          return false;
        }
      }
      return true;
    }

    String string() {
      return new String(chars, 0, length);
    }
  }
}
