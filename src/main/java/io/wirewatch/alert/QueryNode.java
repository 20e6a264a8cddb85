package io.wirewatch.alert;

import java.util.List;

/** The parsed form of a rule's query, before it becomes a Lucene query. */
sealed interface QueryNode {

  /** A word, or text the analyzer splits into several words (then a phrase). */
  record Text(String field, boolean caseSensitive, String text, boolean quoted)
      implements QueryNode {}

  /** {@code recogni*}: every word that starts with the prefix. */
  record Prefix(String field, boolean caseSensitive, String prefix) implements QueryNode {}

  record And(List<QueryNode> clauses) implements QueryNode {}

  record Or(List<QueryNode> clauses) implements QueryNode {}

  record Not(QueryNode clause) implements QueryNode {}

  /** {@code a NEAR/n b} (either order) or {@code a ONEAR/n b} (in order). */
  record Near(QueryNode left, QueryNode right, int slop, boolean ordered) implements QueryNode {}
}
