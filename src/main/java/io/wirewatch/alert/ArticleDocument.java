package io.wirewatch.alert;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.IndexSearcher;

/**
 * An article as Lucene sees it: the same fields, analysed into a one-document in-memory index
 * holding what Lucene Monitor's own holds, so both engines see the same terms, positions and
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
    addKeywords(article, doc);
    return doc;
  }

  private static void addKeywords(MatchableArticle article, Document doc) {
    if (article.source() != null) {
      doc.add(new TextField(LuceneFields.SOURCE, article.source(), Field.Store.NO));
    }
    if (article.language() != null) {
      doc.add(new TextField(LuceneFields.LANG, article.language(), Field.Store.NO));
    }
    for (String key : article.entityKeys()) {
      doc.add(new TextField(LuceneFields.ENTITY, key, Field.Store.NO));
    }
  }

  /**
   * A searcher over the article alone, holding what Lucene Monitor's one-document index holds
   * (MemoryIndex with offsets, the same fields in the same order, the same terms, positions and
   * offsets), without a query cache. Two things differ, neither of which any rule can see: the
   * title and body are cut into words once for both their folded and case-preserving fields ({@link
   * CutText}), and no payloads are stored, as the analysis makes none and no query reads them.
   */
  static IndexSearcher searcher(MatchableArticle article, Analyzer analyzer) {
    MemoryIndex index = new MemoryIndex(true, false);
    CutText title = new CutText(analyzer, LuceneFields.TITLE_CS, article.title());
    CutText body = new CutText(analyzer, LuceneFields.BODY_CS, article.body());
    index.addField(cut(LuceneFields.TITLE, title.folded()), analyzer);
    index.addField(cut(LuceneFields.BODY, body.folded()), analyzer);
    index.addField(cut(LuceneFields.TITLE_CS, title.asCut()), analyzer);
    index.addField(cut(LuceneFields.BODY_CS, body.asCut()), analyzer);
    Document keywords = new Document();
    addKeywords(article, keywords);
    for (IndexableField field : keywords) {
      index.addField(field, analyzer);
    }
    index.freeze();
    IndexSearcher searcher = index.createSearcher();
    searcher.setQueryCache(null);
    return searcher;
  }

  /** A text field whose words are already cut, typed as {@link #toDocument} types its fields. */
  private static Field cut(String name, TokenStream words) {
    return new Field(name, words, TextField.TYPE_NOT_STORED);
  }
}
