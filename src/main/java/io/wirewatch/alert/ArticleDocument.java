package io.wirewatch.alert;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.IndexSearcher;

/**
 * An article as Lucene sees it: the same fields, analysed once into a one-document in-memory index
 * built exactly as Lucene Monitor builds its own, so both engines see the same terms, positions and
 * offsets.
 */
final class ArticleDocument {

  private ArticleDocument() {}

  static Document toDocument(MatchableArticle article) {
    Document doc = new Document();
    doc.add(new TextField(LuceneFields.TITLE, article.title(), Field.Store.NO));
    doc.add(new TextField(LuceneFields.BODY, article.body(), Field.Store.NO));
    doc.add(new TextField(LuceneFields.TITLE_CS, article.title(), Field.Store.NO));
    doc.add(new TextField(LuceneFields.BODY_CS, article.body(), Field.Store.NO));
    if (article.source() != null) {
      doc.add(new TextField(LuceneFields.SOURCE, article.source(), Field.Store.NO));
    }
    if (article.language() != null) {
      doc.add(new TextField(LuceneFields.LANG, article.language(), Field.Store.NO));
    }
    for (String key : article.entityKeys()) {
      doc.add(new TextField(LuceneFields.ENTITY, key, Field.Store.NO));
    }
    return doc;
  }

  /**
   * A searcher over the article alone, built as Lucene Monitor builds one for a single document
   * (MemoryIndex with offsets and payloads, each field added with the analyzer), without a query
   * cache.
   */
  static IndexSearcher searcher(MatchableArticle article, Analyzer analyzer) {
    MemoryIndex index = new MemoryIndex(true, true);
    for (IndexableField field : toDocument(article)) {
      index.addField(field, analyzer);
    }
    index.freeze();
    IndexSearcher searcher = index.createSearcher();
    searcher.setQueryCache(null);
    return searcher;
  }
}
