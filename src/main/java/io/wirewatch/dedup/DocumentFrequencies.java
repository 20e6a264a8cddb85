package io.wirewatch.dedup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How many documents of a reference corpus contain each word, to tell common words from distinctive
 * ones. The file format is one {@code word<TAB>count} per line after a {@code #documents<TAB>N}
 * header; words of the file are lower case.
 */
public final class DocumentFrequencies {

  public static final Path DEFAULT_TABLE = Path.of("config", "dedup", "document-frequencies.tsv");
  private static final String HEADER = "#documents\t";

  private final int documentCount;
  private final Map<String, Integer> counts;

  // The same counts keyed by the words' Hashing.hash, in open addressing: the fingerprinter looks
  // up every word of every article, and hashing a char range beats building a String for a map.
  // Slot s holds the hash at 2s and count + 1 at 2s + 1 (0 marks an empty slot): side by side, a
  // probe reads one cache line, where a hash array, a count array and an inverse frequency array
  // cost three. 64-bit hashes of a few thousand words don't collide in practice.
  private final long[] slots;
  private final int slotMask;
  // inverse frequencies precomputed per document count: a logarithm per distinct term costs more
  // than a probe, and a table by count is small enough to stay in the first-level cache
  private final double[] inverseFrequencyByCount;
  private final double unseenInverseFrequency;

  public DocumentFrequencies(int documentCount, Map<String, Integer> counts) {
    if (documentCount < 0) {
      throw new IllegalArgumentException("documentCount can't be negative: " + documentCount);
    }
    this.documentCount = documentCount;
    this.counts = Map.copyOf(Objects.requireNonNull(counts, "counts can't be null"));
    int slotCount = Integer.highestOneBit(Math.max(4, this.counts.size() * 2 - 1)) << 1;
    this.slots = new long[2 * slotCount];
    this.slotMask = slotCount - 1;
    int largestCount = 0;
    for (Map.Entry<String, Integer> entry : this.counts.entrySet()) {
      long h = Hashing.wordHash(entry.getKey());
      int count = entry.getValue();
      int slot = (int) h & slotMask;
      while (slots[2 * slot + 1] != 0 && slots[2 * slot] != h) {
        slot = (slot + 1) & slotMask;
      }
      slots[2 * slot] = h;
      slots[2 * slot + 1] = Math.max(slots[2 * slot + 1], count + 1L);
      largestCount = Math.max(largestCount, count);
    }
    this.inverseFrequencyByCount = new double[largestCount + 1];
    for (int df = 0; df <= largestCount; df++) {
      inverseFrequencyByCount[df] = idf(df);
    }
    this.unseenInverseFrequency = idf(0);
  }

  private double idf(int df) {
    return documentCount == 0 ? 1.0 : Math.log((documentCount + 1.0) / (df + 1.0));
  }

  /** The slot of {@code wordHash}, or -1 when the table does not hold it. */
  private int slotOf(long wordHash) {
    int slot = (int) wordHash & slotMask;
    // one test for both ends of the probe: whether an article's term is in the corpus is a coin
    // toss, and a loop that left by two ways mispredicted on it
    while (!(slots[2 * slot + 1] == 0 | slots[2 * slot] == wordHash)) {
      slot = (slot + 1) & slotMask;
    }
    return slots[2 * slot + 1] == 0 ? -1 : slot;
  }

  /**
   * The document count of the word whose {@link Hashing#wordHash} is {@code wordHash}; 0 if unseen.
   */
  int countOfHash(long wordHash) {
    int slot = slotOf(wordHash);
    return slot < 0 ? 0 : countOfSlot(slot);
  }

  /** {@link #inverseFrequency} of the word whose {@link Hashing#wordHash} is {@code wordHash}. */
  double inverseFrequencyOfHash(long wordHash) {
    int slot = slotOf(wordHash);
    return slot < 0
        ? unseenInverseFrequency
        : inverseFrequencyByCount[Math.max(0, countOfSlot(slot))];
  }

  private int countOfSlot(int slot) {
    return (int) slots[2 * slot + 1] - 1;
  }

  /**
   * The largest {@link #inverseFrequencyOfHash}: that of a word the corpus never saw. No word's is
   * larger, as the logarithm is computed monotonically.
   */
  double largestInverseFrequency() {
    return unseenInverseFrequency;
  }

  /** {@link #isCommon} of the word whose {@link Hashing#wordHash} is {@code wordHash}. */
  boolean isCommonHash(long wordHash, double share) {
    return documentCount > 0 && countOfHash(wordHash) >= share * documentCount;
  }

  /**
   * The hashes of the words for which {@link #isCommonHash} holds at {@code share}, as a set small
   * enough to stay in cache: for a test on every word of every article.
   */
  WordHashSet commonHashes(double share) {
    long[] common = new long[slotMask + 1];
    int count = 0;
    for (int slot = 0; slot <= slotMask; slot++) {
      long plusOne = slots[2 * slot + 1];
      if (documentCount > 0 && plusOne != 0 && plusOne - 1 >= share * documentCount) {
        common[count++] = slots[2 * slot];
      }
    }
    return new WordHashSet(common, count);
  }

  /** No reference corpus: every word is equally distinctive. */
  public static DocumentFrequencies empty() {
    return new DocumentFrequencies(0, Map.of());
  }

  /** The table at {@code path}, or {@link #empty()} when there is no such file. */
  public static DocumentFrequencies loadOrEmpty(Path path) {
    return Files.isRegularFile(path) ? load(path) : empty();
  }

  public static DocumentFrequencies load(Path path) {
    try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      String header = reader.readLine();
      if (header == null || !header.startsWith(HEADER)) {
        throw new IllegalArgumentException(path + " does not start with " + HEADER.trim());
      }
      int documents = Integer.parseInt(header.substring(HEADER.length()).trim());
      Map<String, Integer> counts = new HashMap<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        int tab = line.indexOf('\t');
        if (tab > 0) {
          counts.put(line.substring(0, tab), Integer.parseInt(line.substring(tab + 1).trim()));
        }
      }
      return new DocumentFrequencies(documents, counts);
    } catch (IOException e) {
      throw new UncheckedIOException("can't read " + path, e);
    }
  }

  /** The table in the file format {@link #load} reads, words sorted. */
  public String toTsv() {
    StringBuilder out = new StringBuilder(HEADER).append(documentCount).append('\n');
    counts.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> out.append(e.getKey()).append('\t').append(e.getValue()).append('\n'));
    return out.toString();
  }

  /**
   * Inverse document frequency, {@code ln((N + 1) / (df + 1))}: 0 for a word in every document, the
   * largest value for a word the corpus never saw; 1 for every word when the table is empty.
   */
  public double inverseFrequency(String lowerCaseWord) {
    if (documentCount == 0) {
      return 1.0;
    }
    int df = counts.getOrDefault(lowerCaseWord, 0);
    return Math.log((documentCount + 1.0) / (df + 1.0));
  }

  /** True when at least {@code share} of the corpus documents contain the word. */
  public boolean isCommon(String lowerCaseWord, double share) {
    return documentCount > 0 && counts.getOrDefault(lowerCaseWord, 0) >= share * documentCount;
  }

  public boolean isEmpty() {
    return documentCount == 0;
  }
}
