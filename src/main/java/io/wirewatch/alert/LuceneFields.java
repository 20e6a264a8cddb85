package io.wirewatch.alert;

import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/** The Lucene fields rules search, and how each is analysed. */
final class LuceneFields {

  static final String TITLE = "title";
  static final String BODY = "body";
  static final String TITLE_CS = "title_cs";
  static final String BODY_CS = "body_cs";
  static final String SOURCE = "source";
  static final String LANG = "lang";
  static final String ENTITY = "entity";

  /** Every field, numbered by its place here ({@link #number}). */
  static final List<String> ALL = List.of(TITLE, BODY, TITLE_CS, BODY_CS, SOURCE, LANG, ENTITY);

  private LuceneFields() {}

  /** The field's place in {@link #ALL}. */
  static int number(String field) {
    int n = ALL.indexOf(field);
    if (n < 0) {
      throw new IllegalArgumentException("unknown field " + field);
    }
    return n;
  }

  /** The fields a query field name (null for none) searches, case-folded or not. */
  static List<String> searched(String field, boolean caseSensitive) {
    if (field == null) {
      return caseSensitive ? List.of(TITLE_CS, BODY_CS) : List.of(TITLE, BODY);
    }
    return switch (field) {
      case "title" -> List.of(caseSensitive ? TITLE_CS : TITLE);
      case "body" -> List.of(caseSensitive ? BODY_CS : BODY);
      case "source" -> List.of(SOURCE);
      case "lang" -> List.of(LANG);
      case "entity" -> List.of(ENTITY);
      default -> throw new IllegalArgumentException("unknown field " + field);
    };
  }

  /** The field whose text a span in {@code luceneField} points into, as alerts name it. */
  static String reportedName(String luceneField) {
    return switch (luceneField) {
      case TITLE_CS -> TITLE;
      case BODY_CS -> BODY;
      default -> luceneField;
    };
  }

  /**
   * How each field is analysed. The article index cuts title and body once, with the
   * case-preserving analysis, and lower-cases the words for the folded fields ({@link CutText}):
   * the folded analysis must stay the case-preserving one plus lower-casing, which {@code
   * ArticleDocumentTest} checks.
   */
  static Analyzer analyzer() {
    Analyzer caseSensitive =
        new Analyzer() {
          @Override
          protected TokenStreamComponents createComponents(String fieldName) {
            return new TokenStreamComponents(new StandardTokenizer());
          }
        };
    Analyzer keyword =
        new Analyzer() {
          @Override
          protected TokenStreamComponents createComponents(String fieldName) {
            KeywordTokenizer tokenizer = new KeywordTokenizer();
            TokenStream folded = new LowerCaseFilter(tokenizer);
            return new TokenStreamComponents(tokenizer, folded);
          }
        };
    return new PerFieldAnalyzerWrapper(
        new StandardAnalyzer(),
        Map.of(
            TITLE_CS, caseSensitive,
            BODY_CS, caseSensitive,
            SOURCE, keyword,
            LANG, keyword,
            ENTITY, keyword));
  }
}
