package io.wirewatch.alert;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;

/**
 * Which top-level clauses of a matched rule matched. Computed only for rules that matched, and only
 * for a top-level OR is anything evaluated again: the clauses of an AND all matched, by definition,
 * and any other query is one clause.
 */
final class MatchedClauses {

  private MatchedClauses() {}

  static List<String> of(QueryNode node, LuceneQueryBuilder builder, IndexSearcher article)
      throws IOException {
    if (node instanceof QueryNode.Or or) {
      List<String> out = new ArrayList<>();
      for (QueryNode clause : or.clauses()) {
        if (matches(builder, article, clause)) {
          out.add(QueryText.render(clause));
        }
      }
      return out;
    }
    if (node instanceof QueryNode.And and) {
      return and.clauses().stream()
          .filter(c -> !(c instanceof QueryNode.Not))
          .map(QueryText::render)
          .toList();
    }
    return List.of(QueryText.render(node));
  }

  private static boolean matches(LuceneQueryBuilder builder, IndexSearcher article, QueryNode c)
      throws IOException {
    try {
      return article.count(builder.build(c)) > 0;
    } catch (RuntimeException e) {
      return false; // the same failure made the whole rule's other clauses the ones that matched
    }
  }
}
