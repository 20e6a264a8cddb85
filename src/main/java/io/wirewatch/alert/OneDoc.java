package io.wirewatch.alert;

import static org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;

/**
 * Stepping through an index of one document (id 0), for the iterators of {@link ArticleReader}:
 * each starts before it at -1, and the step after it is the end.
 */
final class OneDoc {

  private OneDoc() {}

  /** The document after {@code doc}. */
  static int next(int doc) {
    return doc == -1 ? 0 : NO_MORE_DOCS;
  }

  /** The first document at or after {@code target}, from {@code doc}. */
  static int advance(int doc, int target) {
    return doc == -1 && target <= 0 ? 0 : NO_MORE_DOCS;
  }
}
