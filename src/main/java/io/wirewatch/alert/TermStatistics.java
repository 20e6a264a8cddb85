package io.wirewatch.alert;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * How many of the articles seen so far contain each (case-folded) word: what {@link TermRarity}
 * needs to file rules under words that are rare in the actual news flow ("reuter" ends every
 * Reuters story; no word list knows that). Only a bounded sample of articles is counted.
 */
final class TermStatistics {

  private final Map<String, LongAdder> articlesWith = new ConcurrentHashMap<>();
  private final LongAdder articles = new LongAdder();

  void observe(LeafReader article) throws IOException {
    articles.increment();
    java.util.Set<String> words = new java.util.HashSet<>();
    for (String field : new String[] {LuceneFields.TITLE, LuceneFields.BODY}) {
      Terms terms = article.terms(field);
      if (terms != null) {
        TermsEnum te = terms.iterator();
        for (BytesRef t = te.next(); t != null; t = te.next()) {
          words.add(t.utf8ToString());
        }
      }
    }
    for (String w : words) {
      articlesWith.computeIfAbsent(w, k -> new LongAdder()).increment();
    }
  }

  long articles() {
    return articles.sum();
  }

  /** The share of sampled articles containing the word, smoothed so unseen words are not zero. */
  double share(String foldedWord) {
    LongAdder n = articlesWith.get(foldedWord);
    return ((n == null ? 0 : n.sum()) + 0.5) / (articles.sum() + 1.0);
  }
}
