package io.wirewatch.dedup;

import io.wirewatch.article.Article;
import java.util.List;
import java.util.Objects;

/**
 * Fingerprints an article for near-duplicate, syndication and story detection: an exact key over
 * its normalised words, sampled word-shingle passage keys, and story keys made of pairs of its most
 * distinctive terms within a time bucket.
 */
public final class ShingleFingerprinter implements Fingerprinter {

  private final PassageSampler passageSampler;
  private final StoryTermExtractor storyTerms;
  private final long storyBucketMillis;

  public ShingleFingerprinter(DedupSettings settings) {
    Objects.requireNonNull(settings, "settings can't be null");
    this.passageSampler = new PassageSampler(settings);
    this.storyTerms = new StoryTermExtractor(settings);
    this.storyBucketMillis = Math.max(1, settings.storyWindow().toMillis());
  }

  @Override
  public Fingerprints fingerprint(Article article) {
    Objects.requireNonNull(article, "article can't be null");
    String title = article.title() == null ? "" : article.title();
    // one pass over the words gives the story terms and the word hashes: no String per word (the
    // scan folds the texts as TextNormalizer.foldKeepingCase does, into reused char buffers)
    StoryTermExtractor.Scan scan = storyTerms.scan(title, article.body());
    WordHashes words = scan.bodyWords();
    String exactKey = Hashing.hash128Key(Fingerprints.EXACT_PREFIX, words.hashes, words.count);
    return new Fingerprints(
        exactKey,
        passageSampler.keys(words),
        storyKeys(scan.topTerms(), article.eventTime().toEpochMilli()));
  }

  /**
   * One key per pair of top terms and time bucket. Keys are owned forever by their first article,
   * so the bucket lets a later event with the same names own fresh keys; each article also claims
   * the next bucket, so that two write-ups less than one window apart always meet in one of them.
   */
  private List<String> storyKeys(long[] terms, long eventMillis) {
    long bucket = Math.floorDiv(eventMillis, storyBucketMillis);
    byte[] bucketDigits = KeyText.decimal(bucket);
    byte[] nextBucketDigits = KeyText.decimal(bucket + 1);
    // the keys written in one buffer, into an array that List.of copies once (Fingerprints keeps
    // such a list as it is): a buffer and a copy per key, and an ArrayList copied twice, were a
    // tenth of the fingerprint's allocation
    byte[] buffer =
        KeyText.buffer(
            Fingerprints.STORY_PREFIX, Math.max(bucketDigits.length, nextBucketDigits.length));
    String[] keys = new String[terms.length * (terms.length - 1)];
    int k = 0;
    for (int i = 0; i < terms.length; i++) {
      for (int j = i + 1; j < terms.length; j++) {
        long pair = StoryKeys.pairValue(terms[i], terms[j]);
        keys[k++] = StoryKeys.key(pair, bucketDigits, buffer);
        keys[k++] = StoryKeys.key(pair, nextBucketDigits, buffer);
      }
    }
    return List.of(keys);
  }
}
