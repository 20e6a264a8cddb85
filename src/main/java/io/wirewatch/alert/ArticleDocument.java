package io.wirewatch.alert;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
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
   * A searcher over the article alone, holding what Lucene Monitor's one-document index holds (a
   * {@code MemoryIndex} with offsets: the same fields in the same order, the same terms, positions,
   * offsets and norms), without a query cache. It is built differently, which no rule can see: the
   * title and body are cut into words once for both their folded and case-preserving fields, into a
   * small read-only index of their own ({@link ArticleReader}), and no payloads are stored, as the
   * analysis makes none and no query reads them.
   */
  static IndexSearcher searcher(MatchableArticle article, Analyzer analyzer) {
    ArticleReader reader = new ArticleReader();
    CutText title = CutText.of(analyzer, LuceneFields.TITLE_CS, article.title());
    CutText body = CutText.of(analyzer, LuceneFields.BODY_CS, article.body());
    DistinctWords titleAsCut = DistinctWords.asCut(title);
    DistinctWords bodyAsCut = DistinctWords.asCut(body);
    reader.add(LuceneFields.TITLE, DistinctWords.folded(titleAsCut));
    reader.add(LuceneFields.BODY, DistinctWords.folded(bodyAsCut));
    reader.add(LuceneFields.TITLE_CS, titleAsCut);
    reader.add(LuceneFields.BODY_CS, bodyAsCut);
    if (article.source() != null) {
      addKeyword(reader, analyzer, LuceneFields.SOURCE, List.of(article.source()));
    }
    if (article.language() != null) {
      addKeyword(reader, analyzer, LuceneFields.LANG, List.of(article.language()));
    }
    if (!article.entityKeys().isEmpty()) {
      addKeyword(reader, analyzer, LuceneFields.ENTITY, article.entityKeys());
    }
    IndexSearcher searcher = new IndexSearcher(reader.freeze());
    searcher.setQueryCache(null);
    return searcher;
  }

  private static void addKeyword(
      ArticleReader reader, Analyzer analyzer, String field, List<String> values) {
    CutText cut = new CutText(analyzer, field, 16);
    for (String value : values) {
      cut.addKeyword(value);
    }
    reader.add(field, DistinctWords.asCut(cut));
  }
}
