package io.wirewatch.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.lucene.search.Query;

/**
 * Which top-level clauses of a matched rule matched. Computed only for rules that matched, and only
 * for a top-level OR is anything evaluated again: the clauses of an AND all matched, by definition,
 * and any other query is one clause.
 */
final class MatchedClauses {

  private MatchedClauses() {}

  /**
   * The Lucene queries of a top-level OR's clauses, built and rewritten once at registration; empty
   * for any other rule.
   */
  static List<Query> clauseQueries(QueryNode node, LuceneQueryBuilder builder) {
    if (!(node instanceof QueryNode.Or or)) {
      return List.of();
    }
    return or.clauses().stream().map(c -> PreRewrite.apply(builder.build(c))).toList();
  }

  /**
   * @param clauseQueries what {@link #clauseQueries} made of the node
   * @param matches whether a clause query matches the article (false if it fails)
   */
  static List<String> of(QueryNode node, List<Query> clauseQueries, Predicate<Query> matches) {
    if (node instanceof QueryNode.Or or) {
      List<String> out = new ArrayList<>();
      for (int i = 0; i < or.clauses().size(); i++) {
        if (matches.test(clauseQueries.get(i))) {
          out.add(QueryText.render(or.clauses().get(i)));
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
}
