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

  public DocumentFrequencies(int documentCount, Map<String, Integer> counts) {
    if (documentCount < 0) {
      throw new IllegalArgumentException("documentCount can't be negative: " + documentCount);
    }
    this.documentCount = documentCount;
    this.counts = Map.copyOf(Objects.requireNonNull(counts, "counts can't be null"));
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
