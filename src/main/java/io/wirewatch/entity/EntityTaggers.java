package io.wirewatch.entity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Builds the production tagger from the shipped data in {@code config/entities}. */
public final class EntityTaggers {

  private EntityTaggers() {}

  /**
   * Loads every {@code *.tsv} in dir as the knowledge base ({@code curated.tsv} first, so its
   * readings of an ambiguous name come before generated ones) and the recogniser's word lists.
   */
  public static NewsEntityTagger fromConfigDir(Path dir) {
    return fromConfigDir(dir, Optional.empty());
  }

  /** As {@link #fromConfigDir(Path)}, with a statistical name finder when one is given. */
  public static NewsEntityTagger fromConfigDir(Path dir, Optional<NameFinder> finder) {
    return new NewsEntityTagger(loadKnowledgeBase(dir), Lexicon.load(dir), finder);
  }

  public static KnowledgeBase loadKnowledgeBase(Path dir) {
    List<KnowledgeBaseEntry> entries = new ArrayList<>();
    for (Path file : tsvFiles(dir)) {
      try {
        entries.addAll(KnowledgeBaseParser.parse(Files.readAllLines(file, StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new UncheckedIOException("can't read " + file, e);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
      }
    }
    return KnowledgeBase.of(entries);
  }

  private static List<Path> tsvFiles(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".tsv"))
          .sorted((a, b) -> rank(a) != rank(b) ? rank(a) - rank(b) : a.compareTo(b))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("can't list " + dir, e);
    }
  }

  private static int rank(Path file) {
    return file.getFileName().toString().equals("curated.tsv") ? 0 : 1;
  }
}
