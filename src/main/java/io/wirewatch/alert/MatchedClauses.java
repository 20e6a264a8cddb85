package io.wirewatch.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;

/**
 * Which top-level clauses of a rule matched, named as query text. Only a top-level OR needs
 * anything evaluated per article, since the clauses of an AND all matched, by definition, and any
 * other query is one clause. Each OR clause's Lucene query is built (and, where it allows,
 * rewritten) once, at registration, not once per match.
 */
final class MatchedClauses {

  /** For a top-level OR, its clauses' queries in clause order; otherwise null. */
  private final List<Query> orQueries;

  /**
   * The clauses as query text, rendered once: for a top-level OR, one per query in {@link
   * #orQueries}; otherwise the clauses that match whenever the rule does.
   */
  private final List<String> texts;

  private MatchedClauses(List<Query> orQueries, List<String> texts) {
    this.orQueries = orQueries;
    this.texts = texts;
  }

  /**
   * @param whole the rule's Lucene query as {@link LuceneQueryBuilder#build} makes it, not yet
   *     rewritten; for an OR built from the same clause queries, so that both share them
   */
  record Prepared(MatchedClauses clauses, Query whole) {}

  static Prepared prepare(QueryNode node, LuceneQueryBuilder builder) {
    if (node instanceof QueryNode.Or or) {
      List<Query> queries = new ArrayList<>(or.clauses().size());
      BooleanQuery.Builder whole = new BooleanQuery.Builder();
      for (QueryNode clause : or.clauses()) {
        Query q = builder.build(clause);
        whole.add(q, BooleanClause.Occur.SHOULD);
        queries.add(PreRewrite.apply(q));
      }
      List<String> texts = or.clauses().stream().map(QueryText::render).toList();
      return new Prepared(new MatchedClauses(List.copyOf(queries), texts), whole.build());
    }
    return new Prepared(new MatchedClauses(null, alwaysMatched(node)), builder.build(node));
  }

  /** The clauses of an AND all matched, by definition, and any other query is one clause. */
  private static List<String> alwaysMatched(QueryNode node) {
    if (node instanceof QueryNode.And and) {
      return and.clauses().stream()
          .filter(c -> !(c instanceof QueryNode.Not))
          .map(QueryText::render)
          .toList();
    }
    return List.of(QueryText.render(node));
  }

  /**
   * The clauses that matched the article, given a test of one clause query against it. A clause
   * whose evaluation fails counts as not matched, as the whole rule would.
   */
  List<String> of(Predicate<Query> matchesArticle) {
    if (orQueries == null) {
      return texts;
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < orQueries.size(); i++) {
      if (matchesArticle.test(orQueries.get(i))) {
        out.add(texts.get(i));
      }
    }
    return out;
  }
}
