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

  CompiledRule(AlertRule rule, QueryNode node, Query query, AnchorSet anchors) {
    this.rule = rule;
    this.node = node;
    this.query = query;
    this.anchors = anchors;
  }
}
