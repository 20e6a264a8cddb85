package io.wirewatch.dedup;

import java.time.Duration;
import java.util.Objects;

/**
 * Every tunable of dedup, with {@link #defaults()} measured on Reuters news (see {@code
 * DedupQualityTest}).
 *
 * @param shingleWords words per shingle: 3 survives typos better than 5 and still rarely repeats
 *     across unrelated news
 * @param samplingModulus a shingle is a passage key when its hash lies in the lowest 1/this of the
 *     hash range: about one key per this many words
 * @param minimumPassageKeys the smallest shingle hashes also become keys, so that short notices get
 *     enough keys to compare
 * @param commonWordShare a word in at least this share of the reference documents is common; a
 *     shingle of common words only ("said it would") is never a passage key, because it recurs
 *     across unrelated articles and its key would be owned by whichever came first
 * @param minimumSharedPassages fewer shared passage keys than this never make a copy
 * @param duplicateContainment both texts must share at least this share of their passages for a
 *     DUPLICATE
 * @param syndicationContainment one text must share at least this share of its passages with the
 *     other for a SYNDICATED
 * @param storyTerms how many distinctive terms of an article form its story keys (one key per pair)
 * @param storyRoutineTermShare a top term found in at least this share of the reference documents
 *     is routine for the wire ("shr", "qtly", "tonnes", "export") and forms no story key: write-ups
 *     of one event share their rare names, while two earnings tables or two grain-export reports
 *     share only routine words
 * @param storyVotes how many shared term pairs join an earlier story
 * @param storyWindow how far apart in event time two write-ups of one story can be
 * @param boilerplateCapacity how many line hashes the boilerplate model keeps per source
 * @param boilerplateMinArticles a line seen in this many articles of one source is boilerplate
 * @param documentFrequencies the reference corpus that tells distinctive terms from common words
 */
public record DedupSettings(
    int shingleWords,
    int samplingModulus,
    int minimumPassageKeys,
    double commonWordShare,
    int minimumSharedPassages,
    double duplicateContainment,
    double syndicationContainment,
    int storyTerms,
    double storyRoutineTermShare,
    int storyVotes,
    Duration storyWindow,
    int boilerplateCapacity,
    int boilerplateMinArticles,
    DocumentFrequencies documentFrequencies) {

  public DedupSettings {
    requirePositive(shingleWords, "shingleWords");
    requirePositive(samplingModulus, "samplingModulus");
    requirePositive(minimumSharedPassages, "minimumSharedPassages");
    requirePositive(storyVotes, "storyVotes");
    requirePositive(boilerplateCapacity, "boilerplateCapacity");
    requirePositive(boilerplateMinArticles, "boilerplateMinArticles");
    if (boilerplateMinArticles > Byte.MAX_VALUE) {
      // a line's sightings are counted in one byte (LineSightings, and the stored model)
      throw new IllegalArgumentException(
          "boilerplateMinArticles must be at most 127: " + boilerplateMinArticles);
    }
    if (minimumPassageKeys < 0 || storyTerms < 0) {
      throw new IllegalArgumentException("minimumPassageKeys and storyTerms can't be negative");
    }
    Objects.requireNonNull(storyWindow, "storyWindow can't be null");
    Objects.requireNonNull(documentFrequencies, "documentFrequencies can't be null");
  }

  /** These settings with another boilerplate model size and threshold. */
  public DedupSettings withBoilerplate(int capacity, int minArticles) {
    return new DedupSettings(
        shingleWords,
        samplingModulus,
        minimumPassageKeys,
        commonWordShare,
        minimumSharedPassages,
        duplicateContainment,
        syndicationContainment,
        storyTerms,
        storyRoutineTermShare,
        storyVotes,
        storyWindow,
        capacity,
        minArticles,
        documentFrequencies);
  }

  /** The defaults, with the document-frequency table from {@code config/dedup/} when present. */
  public static DedupSettings defaults() {
    return defaults(DocumentFrequencies.loadOrEmpty(DocumentFrequencies.DEFAULT_TABLE));
  }

  public static DedupSettings defaults(DocumentFrequencies documentFrequencies) {
    return new DedupSettings(
        3,
        32,
        12,
        0.05,
        3,
        0.65,
        0.4,
        7,
        0.02,
        3,
        Duration.ofDays(3),
        2_000,
        4,
        documentFrequencies);
  }

  private static void requirePositive(int value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
  }
}
