package io.wirewatch.dedup;

import io.wirewatch.article.Article;
import io.wirewatch.text.TextNormalizer;
import io.wirewatch.text.WordTokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * The fingerprinter as it was before the allocation-free rewrite, kept verbatim (String per word,
 * regex-free but map-based) so that {@code FingerprintEquivalenceTest} can prove the fast one
 * yields the same keys: keys already in the index must stay comparable across an upgrade. The one
 * change since: the shingle and exact hashes over the word hashes are {@link Hashing}'s cheaper
 * ones of the seventh session, which changed the passage and exact keys once (an index written
 * before must be rebuilt).
 */
public final class LegacyFingerprinter {
  public static final class Fingerprinter {

    private final Sampler passageSampler;
    private final Terms storyTerms;
    private final long storyBucketMillis;

    public Fingerprinter(DedupSettings settings) {
      Objects.requireNonNull(settings, "settings can't be null");
      this.passageSampler = new Sampler(settings);
      this.storyTerms = new Terms(settings);
      this.storyBucketMillis = Math.max(1, settings.storyWindow().toMillis());
    }

    public Fingerprints fingerprint(Article article) {
      Objects.requireNonNull(article, "article can't be null");
      String body = TextNormalizer.foldKeepingCase(article.body());
      List<String> words = WordTokenizer.words(body.toLowerCase(Locale.ROOT));
      String exactKey = Fingerprints.EXACT_PREFIX + Hashing.hash128Hex(words);
      String title = article.title() == null ? "" : TextNormalizer.foldKeepingCase(article.title());
      return new Fingerprints(
          exactKey,
          passageSampler.keys(words),
          storyKeys(title + "\n\n" + body, article.eventTime().toEpochMilli()));
    }

    /**
     * One key per pair of top terms and time bucket. Keys are owned forever by their first article,
     * so the bucket lets a later event with the same names own fresh keys; each article also claims
     * the next bucket, so that two write-ups less than one window apart always meet in one of them.
     */
    private List<String> storyKeys(String text, long eventMillis) {
      List<String> terms = storyTerms.topTerms(text);
      long bucket = Math.floorDiv(eventMillis, storyBucketMillis);
      List<String> keys = new ArrayList<>(terms.size() * (terms.size() - 1));
      for (int i = 0; i < terms.size(); i++) {
        for (int j = i + 1; j < terms.size(); j++) {
          String pair = StoryKeys.pairId(terms.get(i), terms.get(j));
          keys.add(StoryKeys.key(pair, bucket));
          keys.add(StoryKeys.key(pair, bucket + 1));
        }
      }
      return keys;
    }
  }

  static final class Sampler {

    private final int shingleWords;
    private final long modulus;
    private final int minimumKeys;
    private final DocumentFrequencies documentFrequencies;
    private final double commonWordShare;

    Sampler(DedupSettings settings) {
      this.shingleWords = settings.shingleWords();
      this.modulus = settings.samplingModulus();
      this.minimumKeys = settings.minimumPassageKeys();
      this.documentFrequencies = settings.documentFrequencies();
      this.commonWordShare = settings.commonWordShare();
    }

    /** The passage keys of a normalised word sequence, without repeats. */
    List<String> keys(List<String> words) {
      long[] hashes = distinctSorted(shingleHashes(words));
      List<String> keys = new ArrayList<>();
      for (int i = 0; i < hashes.length; i++) {
        // the lowest 1/p of the hash range (0 modulo p before the ninth session)
        if (i < minimumKeys || hashes[i] < Long.MAX_VALUE / modulus + 1) {
          keys.add(Fingerprints.PASSAGE_PREFIX + Long.toHexString(hashes[i]));
        }
      }
      return keys;
    }

    private long[] shingleHashes(List<String> words) {
      if (words.isEmpty()) {
        return new long[0];
      }
      int count = words.size();
      long[] wordHashes = new long[count];
      boolean[] common = new boolean[count];
      for (int i = 0; i < count; i++) {
        wordHashes[i] = Hashing.wordHash(words.get(i));
        common[i] = documentFrequencies.isCommon(words.get(i), commonWordShare);
      }
      int width = Math.min(shingleWords, count);
      long[] shingles = new long[count - width + 1];
      int n = 0;
      for (int start = 0; start < shingles.length; start++) {
        boolean allCommon = common[start];
        for (int i = 1; i < width; i++) {
          allCommon &= common[start + i];
        }
        if (!allCommon) {
          // the shingle hash of the seventh session's keys (one mix per shingle, not per word)
          shingles[n++] = Hashing.shingle(wordHashes, start, width);
        }
      }
      // a text of common words only still needs keys, or its exact copies would go unseen
      // (fixed here as in the fast sampler: this returned an array of zeros, one "p:0" key)
      if (n == 0) {
        for (int start = 0; start < shingles.length; start++) {
          shingles[start] = Hashing.shingle(wordHashes, start, width);
        }
      }
      return n > 0 ? Arrays.copyOf(shingles, n) : shingles;
    }

    private static long[] distinctSorted(long[] hashes) {
      Arrays.sort(hashes);
      int n = 0;
      for (int i = 0; i < hashes.length; i++) {
        if (n == 0 || hashes[i] != hashes[n - 1]) {
          hashes[n++] = hashes[i];
        }
      }
      return Arrays.copyOf(hashes, n);
    }
  }

  static final class Terms {

    private static final double NAME_BOOST = 1.5;
    private static final int MINIMUM_TERM_LENGTH = 3;

    private final DocumentFrequencies documentFrequencies;
    private final int termCount;
    private final double routineTermShare;

    Terms(DedupSettings settings) {
      this.documentFrequencies = settings.documentFrequencies();
      this.termCount = settings.storyTerms();
      this.routineTermShare = settings.storyRoutineTermShare();
    }

    /**
     * The most distinctive terms, lower case, best first, of a text in {@link
     * TextNormalizer#foldKeepingCase} form.
     */
    List<String> topTerms(String prepared) {
      Map<String, TermCounts> counts = new HashMap<>();
      WordTokenizer.forEachWord(
          prepared,
          (start, end) -> {
            if (end - start < MINIMUM_TERM_LENGTH || hasDigit(prepared, start, end)) {
              return;
            }
            String term = prepared.substring(start, end).toLowerCase(Locale.ROOT);
            TermCounts c = counts.computeIfAbsent(term, t -> new TermCounts());
            c.occurrences++;
            if (isNameMention(prepared, start, end)) {
              c.nameMentions++;
            }
          });
      return best(counts);
    }

    /**
     * The top terms by score, ties by term; a bounded heap, since articles have hundreds of terms.
     */
    private List<String> best(Map<String, TermCounts> counts) {
      Comparator<Map.Entry<String, Double>> worstFirst =
          Map.Entry.<String, Double>comparingByValue()
              .thenComparing(Map.Entry.<String, Double>comparingByKey().reversed());
      PriorityQueue<Map.Entry<String, Double>> top = new PriorityQueue<>(termCount + 1, worstFirst);
      counts.forEach(
          (term, c) -> {
            top.add(Map.entry(term, score(term, c)));
            if (top.size() > termCount) {
              top.poll();
            }
          });
      List<String> terms = new ArrayList<>(top.size());
      while (!top.isEmpty()) {
        terms.add(top.poll().getKey());
      }
      Collections.reverse(terms);
      terms.removeIf(t -> documentFrequencies.isCommon(t, routineTermShare));
      return terms;
    }

    private double score(String term, TermCounts c) {
      double boost = c.nameMentions > 0 ? NAME_BOOST : 1.0;
      return documentFrequencies.inverseFrequency(term) * (1 + Math.log(c.occurrences)) * boost;
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

    private static boolean hasDigit(String text, int start, int end) {
      for (int i = start; i < end; i++) {
        if (Character.isDigit(text.charAt(i))) {
          return true;
        }
      }
      return false;
    }

    private static final class TermCounts {
      int occurrences;
      int nameMentions;
    }
  }
}
