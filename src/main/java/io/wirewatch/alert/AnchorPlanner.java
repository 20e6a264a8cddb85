package io.wirewatch.alert;

import java.util.List;

/**
 * Chooses the anchors of a rule from its parsed query, mirroring exactly which Lucene fields and
 * terms {@link LuceneQueryBuilder} makes the query look at. Correctness rests on one promise: an
 * article that matches the Lucene query contains at least one anchor (or the set is {@code
 * always}). Required parts (AND, NEAR operands, phrase words) need only their rarest one; optional
 * parts (OR, several fields) need all of theirs.
 */
final class AnchorPlanner {

  /** Prefix anchors are cut to this many characters, so an article has few prefixes per word. */
  static final int MAX_PREFIX_ANCHOR = 8;

  private final LuceneQueryBuilder builder;
  private final TermStatistics seen;

  AnchorPlanner(LuceneQueryBuilder builder, TermStatistics seen) {
    this.builder = builder;
    this.seen = seen;
  }

  AnchorSet plan(QueryNode node) {
    return plan(node, null);
  }

  /** {@code proximityField}: inside NEAR every operand is looked up in the NEAR's own field. */
  private AnchorSet plan(QueryNode node, String proximityField) {
    if (node instanceof QueryNode.Text text) {
      AnchorSet out = AnchorSet.NEVER;
      for (String f : fields(text.field(), text.caseSensitive(), proximityField)) {
        out = out.union(rarestWord(f, builder.analyze(f, text.text())));
      }
      return out;
    }
    if (node instanceof QueryNode.Prefix prefix) {
      if (prefix.prefix().isEmpty()) {
        return AnchorSet.ALWAYS;
      }
      String cut = cut(prefix.prefix());
      AnchorSet out = AnchorSet.NEVER;
      for (String f : fields(prefix.field(), prefix.caseSensitive(), proximityField)) {
        Anchor a = new Anchor(f, cut, true);
        out = out.union(new AnchorSet(java.util.Set.of(a), false, TermRarity.prefixFrequency(cut)));
      }
      return out;
    }
    if (node instanceof QueryNode.And and) {
      AnchorSet best = null;
      for (QueryNode clause : and.clauses()) {
        if (!(clause instanceof QueryNode.Not)) {
          AnchorSet a = plan(clause, proximityField);
          best = best == null ? a : best.cheaper(a);
        }
      }
      // only negations: Lucene matches nothing, but trying the rule everywhere is the safe answer
      return best == null ? AnchorSet.ALWAYS : best;
    }
    if (node instanceof QueryNode.Or or) {
      AnchorSet out = AnchorSet.NEVER;
      for (QueryNode clause : or.clauses()) {
        out = out.union(plan(clause, proximityField));
      }
      return out;
    }
    if (node instanceof QueryNode.Near near) {
      List<String> fields =
          proximityField != null ? List.of(proximityField) : LuceneQueryBuilder.nearFields(near);
      AnchorSet out = AnchorSet.NEVER;
      for (String f : fields) {
        out = out.union(plan(near.left(), f).cheaper(plan(near.right(), f)));
      }
      return out;
    }
    // a lone NOT matches articles by what they lack: no word can promise anything
    return AnchorSet.ALWAYS;
  }

  private static List<String> fields(String field, boolean cs, String proximityField) {
    return proximityField != null ? List.of(proximityField) : LuceneFields.searched(field, cs);
  }

  private AnchorSet rarestWord(String field, List<String> tokens) {
    String best = null;
    double bestCost = Double.MAX_VALUE;
    for (String t : tokens) {
      double c = TermRarity.frequency(field, t, seen);
      if (c < bestCost) {
        best = t;
        bestCost = c;
      }
    }
    // no searchable words: the query builder makes this part match nothing
    return best == null
        ? AnchorSet.NEVER
        : new AnchorSet(java.util.Set.of(new Anchor(field, best, false)), false, bestCost);
  }

  /** Roughly the share of articles holding a required phrase: at most its rarest word's. */
  double frequency(RequiredTerms.Phrase phrase) {
    if (phrase.prefix()) {
      return TermRarity.prefixFrequency(phrase.words().get(0));
    }
    double rarest = 1;
    for (String word : phrase.words()) {
      rarest = Math.min(rarest, TermRarity.frequency(phrase.field(), word, seen));
    }
    return rarest;
  }

  static String cut(String prefix) {
    int n = prefix.codePointCount(0, prefix.length());
    return n <= MAX_PREFIX_ANCHOR
        ? prefix
        : prefix.substring(0, prefix.offsetByCodePoints(0, MAX_PREFIX_ANCHOR));
  }
}
