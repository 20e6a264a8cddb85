package io.wirewatch.alert;

import java.util.stream.Collectors;

/**
 * Writes a parsed query back as query text, in one canonical spelling, to name the clause of a rule
 * that matched ({@code "facial recognition" NEAR/5 police}).
 */
final class QueryText {

  private QueryText() {}

  static String render(QueryNode node) {
    if (node instanceof QueryNode.Text t) {
      String body = t.quoted() ? '"' + t.text() + '"' : t.text();
      return qualifiers(t.field(), t.caseSensitive()) + body;
    }
    if (node instanceof QueryNode.Prefix p) {
      return qualifiers(p.field(), p.caseSensitive()) + p.prefix() + "*";
    }
    if (node instanceof QueryNode.And and) {
      return and.clauses().stream().map(QueryText::grouped).collect(Collectors.joining(" AND "));
    }
    if (node instanceof QueryNode.Or or) {
      return or.clauses().stream().map(QueryText::grouped).collect(Collectors.joining(" OR "));
    }
    if (node instanceof QueryNode.Not not) {
      return "NOT " + grouped(not.clause());
    }
    QueryNode.Near near = (QueryNode.Near) node;
    return grouped(near.left())
        + (near.ordered() ? " ONEAR/" : " NEAR/")
        + near.slop()
        + " "
        + grouped(near.right());
  }

  private static String grouped(QueryNode node) {
    boolean compound =
        node instanceof QueryNode.And
            || node instanceof QueryNode.Or
            || node instanceof QueryNode.Near;
    return compound ? "(" + render(node) + ")" : render(node);
  }

  private static String qualifiers(String field, boolean cs) {
    return (field == null ? "" : field + ":") + (cs ? "cs:" : "");
  }
}
