package io.wirewatch.entity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The word lists the recogniser reasons with.
 *
 * @param firstNames given names, capitalised
 * @param commonWords lowercase dictionary words; a capitalised one at a sentence start is no
 *     evidence
 * @param orgHeads last words that make a name an organisation ("Foundation", "Union")
 * @param personRoles lowercase role words before a person's name ("director")
 * @param personTitles capitalised titles before a person's name, not part of it ("President")
 * @param orgListCues plural nouns before "such as" that introduce organisations ("groups")
 */
public record Lexicon(
    Set<String> firstNames,
    Set<String> commonWords,
    Set<String> orgHeads,
    Set<String> personRoles,
    Set<String> personTitles,
    Set<String> orgListCues) {

  public Lexicon {
    firstNames = Set.copyOf(firstNames);
    commonWords = Set.copyOf(commonWords);
    orgHeads = Set.copyOf(orgHeads);
    personRoles = Set.copyOf(personRoles);
    personTitles = Set.copyOf(personTitles);
    orgListCues = Set.copyOf(orgListCues);
  }

  /** Reads the lists shipped in {@code config/entities}. */
  public static Lexicon load(Path dir) {
    return new Lexicon(
        read(dir.resolve("first-names.txt")),
        read(dir.resolve("common-words.txt")),
        read(dir.resolve("org-heads.txt")),
        read(dir.resolve("person-roles.txt")),
        read(dir.resolve("person-titles.txt")),
        read(dir.resolve("org-list-cues.txt")));
  }

  boolean isCommonWord(String word) {
    return commonWords.contains(word.toLowerCase(Locale.ROOT));
  }

  private static Set<String> read(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
          .map(String::trim)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .collect(Collectors.toSet());
    } catch (IOException e) {
      throw new UncheckedIOException("can't read " + file, e);
    }
  }
}
