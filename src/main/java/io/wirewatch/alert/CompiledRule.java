package io.wirewatch.alert;

import org.apache.lucene.search.Query;

/**
 * A registered rule in the form matching needs: its Lucene query and its anchors. Compared by
 * identity, so a replaced rule still filed under an old anchor is recognised as stale.
 */
final class CompiledRule {

  final AlertRule rule;
  final QueryNode node;
  final Query query;
  final AnchorSet anchors;
  final RequiredTerms required;
  final MatchedClauses clauses;

  CompiledRule(
      AlertRule rule,
      QueryNode node,
      Query query,
      AnchorSet anchors,
      RequiredTerms required,
      MatchedClauses clauses) {
    this.rule = rule;
    this.node = node;
    this.query = query;
    this.anchors = anchors;
    this.required = required;
    this.clauses = clauses;
  }

  /** The same rule filed under other anchors. */
  CompiledRule withAnchors(AnchorSet other) {
    return new CompiledRule(rule, node, query, other, required, clauses);
  }
}
