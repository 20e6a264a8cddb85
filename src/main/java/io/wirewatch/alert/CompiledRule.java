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

  /** What is left of {@link #required} to check for a candidate that came up by its anchors. */
  final RequiredTerms checks;

  final MatchedClauses clauses;

  CompiledRule(
      AlertRule rule,
      QueryNode node,
      Query query,
      AnchorSet anchors,
      RequiredTerms required,
      RequiredTerms checks,
      MatchedClauses clauses) {
    this.rule = rule;
    this.node = node;
    this.query = query;
    this.anchors = anchors;
    this.required = required;
    this.checks = checks;
    this.clauses = clauses;
  }

  /** The same rule filed under other anchors, with what is left to check under them. */
  CompiledRule withAnchors(AnchorSet other, RequiredTerms otherChecks) {
    return new CompiledRule(rule, node, query, other, required, otherChecks, clauses);
  }
}
