package io.wirewatch.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.lucene.search.Query;

/**
 * Which top-level clauses of a rule matched, named as query text. Prepared once per rule at
 * registration: only a top-level OR needs anything evaluated per article, since the clauses of an
 * AND all matched, by definition, and any other query is one clause. Each OR clause's Lucene query
 * is built (and, where it allows, rewritten) here, not once per match.
 */
final class MatchedClauses {

  /** The clause names reported whenever the rule matches; null for a top-level OR. */
  private final List<String> always;

  private final List<String> orNames;
  private final List<Query> orQueries;

  private MatchedClauses(List<String> always, List<String> orNames, List<Query> orQueries) {
    this.always = always;
    this.orNames = orNames;
    this.orQueries = orQueries;
  }

  static MatchedClauses prepare(QueryNode node, LuceneQueryBuilder builder) {
    if (node instanceof QueryNode.Or or) {
      List<String> names = new ArrayList<>(or.clauses().size());
      List<Query> queries = new ArrayList<>(or.clauses().size());
      for (QueryNode clause : or.clauses()) {
        names.add(QueryText.render(clause));
        queries.add(PreRewrite.apply(builder.build(clause)));
      }
      return new MatchedClauses(null, List.copyOf(names), List.copyOf(queries));
    }
    if (node instanceof QueryNode.And and) {
      return new MatchedClauses(
          and.clauses().stream()
              .filter(c -> !(c instanceof QueryNode.Not))
              .map(QueryText::render)
              .toList(),
          null,
          null);
    }
    return new MatchedClauses(List.of(QueryText.render(node)), null, null);
  }

  /**
   * The clauses that matched the article, given a test of one clause query against it. A clause
   * whose evaluation fails counts as not matched, as the whole rule would.
   */
  List<String> of(Predicate<Query> matchesArticle) {
    if (always != null) {
      return always;
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < orQueries.size(); i++) {
      if (matchesArticle.test(orQueries.get(i))) {
        out.add(orNames.get(i));
      }
    }
    return out;
  }
}
