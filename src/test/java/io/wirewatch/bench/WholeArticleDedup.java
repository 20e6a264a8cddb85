package io.wirewatch.bench;

import io.wirewatch.article.Article;
import io.wirewatch.dedup.Verdict;

/**
 * All the dedup work one 4 KB article costs, in the fingerprint step's order: its source's
 * boilerplate model, full (2,000 lines), strips and learns its body with the site's lines added
 * (the model kept decoded, its stored bytes checked and added to, as {@link
 * BoilerplateBenchmark#decodedModel}); the stripped article is fingerprinted, its keys claimed in
 * an index of 1,000,000 articles and its verdict decided ({@link DedupMillionArticleIndex}). The
 * issue's speed target (100 µs per article on one core) is about this sum.
 */
public final class WholeArticleDedup {

  private final DedupMillionArticleIndex index;
  private final BoilerplateBenchmark.Source source = new BoilerplateBenchmark.Source();

  /** {@code kind}: "unique" or "copy", as {@link DedupMillionArticleIndex#kind}. */
  public WholeArticleDedup(String kind) {
    this(newIndex(kind));
  }

  /** Over an index already filled, so one index serves the step alone and the whole article. */
  WholeArticleDedup(DedupMillionArticleIndex index) {
    this.index = index;
    source.setUp();
  }

  private static DedupMillionArticleIndex newIndex(String kind) {
    DedupMillionArticleIndex index = new DedupMillionArticleIndex();
    index.kind = kind;
    index.setUp();
    return index;
  }

  /** One article: boilerplate, fingerprint, index and verdict. */
  public Verdict article() {
    Article probe = index.nextProbe();
    String stripped =
        BoilerplateBenchmark.stripAndLearn(
            source, probe.body() + BoilerplateBenchmark.SITE_LINES, source.nextTime());
    return index.step(probe.withBody(stripped));
  }
}
