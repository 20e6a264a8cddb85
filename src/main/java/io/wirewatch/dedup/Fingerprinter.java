package io.wirewatch.dedup;

import io.wirewatch.article.Article;

/** Computes the index keys of an article. Implementations are pure and thread-safe. */
public interface Fingerprinter {
  Fingerprints fingerprint(Article article);
}
