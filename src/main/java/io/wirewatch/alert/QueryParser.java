package io.wirewatch.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses the contract's query language into a {@link QueryNode} tree by recursive descent.
 *
 * <pre>
 * query := or
 * or    := and ("OR" and)*
 * and   := not (["AND"] not)*          juxtaposition means AND
 * not   := "NOT" not | near
 * near  := unary (("NEAR/n" | "ONEAR/n") unary)*
 * unary := [field ":"] ( "(" or ")" | WORD | "PHRASE" | PREFIX* )
 * </pre>
 *
 * <p>No part of a query is ever run as a regular expression: words are only looked up as terms.
 */
public final class QueryParser {

  static final Set<String> FIELDS = Set.of("title", "body", "source", "lang", "entity", "cs");

  private final QueryLimits limits;
  private List<QueryToken> tokens;
  private int pos;
  private int terms;

  public QueryParser(QueryLimits limits) {
    this.limits = limits;
  }

  public QueryNode parse(String query) throws QueryParseException {
    if (query == null || query.isBlank()) {
      throw new QueryParseException("empty query", 1);
    }
    if (query.length() > limits.maxLength()) {
      throw new QueryParseException(
          "query is " + query.length() + " characters; the limit is " + limits.maxLength(),
          limits.maxLength() + 1);
    }
    tokens = new QueryLexer(query).tokens();
    pos = 0;
    terms = 0;
    QueryNode node = or(null, false, 0);
    QueryToken next = peek();
    if (next.kind() != QueryToken.Kind.END) {
      throw new QueryParseException(
          next.kind() == QueryToken.Kind.RPAREN
              ? "unexpected ) with no ( before it"
              : "unexpected '" + next.text() + "'",
          next.column());
    }
    if (!hasPositiveClause(node)) {
      throw new QueryParseException("a query needs at least one term that is not negated", 1);
    }
    return node;
  }

  private QueryNode or(String field, boolean cs, int depth) throws QueryParseException {
    checkDepth(depth);
    List<QueryNode> clauses = new ArrayList<>();
    clauses.add(and(field, cs, depth + 1));
    while (peek().kind() == QueryToken.Kind.OR) {
      pos++;
      clauses.add(and(field, cs, depth + 1));
    }
    return clauses.size() == 1 ? clauses.get(0) : new QueryNode.Or(clauses);
  }

  private QueryNode and(String field, boolean cs, int depth) throws QueryParseException {
    checkDepth(depth);
    List<QueryNode> clauses = new ArrayList<>();
    clauses.add(not(field, cs, depth + 1));
    while (true) {
      QueryToken t = peek();
      if (t.kind() == QueryToken.Kind.AND) {
        pos++;
        clauses.add(not(field, cs, depth + 1));
      } else if (startsOperand(t)) {
        clauses.add(not(field, cs, depth + 1));
      } else {
        break;
      }
    }
    return clauses.size() == 1 ? clauses.get(0) : new QueryNode.And(clauses);
  }

  private QueryNode not(String field, boolean cs, int depth) throws QueryParseException {
    checkDepth(depth);
    if (peek().kind() == QueryToken.Kind.NOT) {
      pos++;
      return new QueryNode.Not(not(field, cs, depth + 1));
    }
    return near(field, cs, depth + 1);
  }

  private QueryNode near(String field, boolean cs, int depth) throws QueryParseException {
    QueryNode left = unary(field, cs, depth + 1);
    while (peek().kind() == QueryToken.Kind.NEAR || peek().kind() == QueryToken.Kind.ONEAR) {
      QueryToken op = tokens.get(pos++);
      if (op.distance() < 0 || op.distance() > limits.maxNearDistance()) {
        throw new QueryParseException(
            op.text() + ": the distance must be between 0 and " + limits.maxNearDistance(),
            op.column());
      }
      QueryNode right = unary(field, cs, depth + 1);
      requireNearOperand(left, op);
      requireNearOperand(right, op);
      left = new QueryNode.Near(left, right, op.distance(), op.kind() == QueryToken.Kind.ONEAR);
    }
    return left;
  }

  private QueryNode unary(String field, boolean cs, int depth) throws QueryParseException {
    checkDepth(depth);
    QueryToken t = peek();
    if (t.kind() == QueryToken.Kind.FIELD) {
      pos++;
      String name = t.text();
      if (!FIELDS.contains(name)) {
        throw new QueryParseException(
            "unknown field '" + name + "' (known: title, body, source, lang, entity, cs)",
            t.column());
      }
      if (name.equals("cs")) {
        return unary(field, true, depth + 1);
      }
      if (field != null && !field.equals(name)) {
        throw new QueryParseException(
            "field " + name + ": inside " + field + ": is not allowed", t.column());
      }
      return unary(name, cs, depth + 1);
    }
    switch (t.kind()) {
      case LPAREN -> {
        pos++;
        QueryNode inner = or(field, cs, depth + 1);
        QueryToken close = peek();
        if (close.kind() != QueryToken.Kind.RPAREN) {
          throw new QueryParseException("expected )", close.column());
        }
        pos++;
        return inner;
      }
      case WORD -> {
        pos++;
        countTerm(t);
        if (t.text().endsWith("*")) {
          return prefix(field, cs, t);
        }
        return new QueryNode.Text(field, cs, t.text(), false);
      }
      case PHRASE -> {
        pos++;
        countTerm(t);
        if (t.text().isBlank()) {
          throw new QueryParseException("empty phrase", t.column());
        }
        return new QueryNode.Text(field, cs, t.text(), true);
      }
      case END -> throw new QueryParseException("expected a word, a phrase or (", t.column());
      default ->
          throw new QueryParseException(
              "expected a word, a phrase or ( but found '" + t.text() + "'", t.column());
    }
  }

  private QueryNode prefix(String field, boolean cs, QueryToken t) throws QueryParseException {
    String stem = t.text().substring(0, t.text().length() - 1);
    if (stem.indexOf('*') >= 0 || stem.indexOf('?') >= 0) {
      throw new QueryParseException("only a trailing * is supported", t.column());
    }
    if (stem.codePointCount(0, stem.length()) < limits.minPrefixLength()) {
      throw new QueryParseException(
          "a wildcard needs at least " + limits.minPrefixLength() + " characters before *",
          t.column());
    }
    return new QueryNode.Prefix(field, cs, cs ? stem : stem.toLowerCase(Locale.ROOT));
  }

  private static void requireNearOperand(QueryNode node, QueryToken op) throws QueryParseException {
    if (node instanceof QueryNode.Not || node instanceof QueryNode.And) {
      throw new QueryParseException(
          op.text() + " operands must be words, phrases, wildcards or OR groups", op.column());
    }
    if (node instanceof QueryNode.Or or) {
      for (QueryNode clause : or.clauses()) {
        requireNearOperand(clause, op);
      }
    }
  }

  private void countTerm(QueryToken t) throws QueryParseException {
    if (++terms > limits.maxTerms()) {
      throw new QueryParseException(
          "more than " + limits.maxTerms() + " words, phrases and wildcards", t.column());
    }
  }

  private void checkDepth(int depth) throws QueryParseException {
    if (depth > limits.maxDepth() * 4) {
      throw new QueryParseException("query is nested too deeply", peek().column());
    }
  }

  private static boolean startsOperand(QueryToken t) {
    return switch (t.kind()) {
      case WORD, PHRASE, LPAREN, FIELD, NOT -> true;
      default -> false;
    };
  }

  private static boolean hasPositiveClause(QueryNode node) {
    if (node instanceof QueryNode.Not) {
      return false;
    }
    if (node instanceof QueryNode.And and) {
      return and.clauses().stream().anyMatch(QueryParser::hasPositiveClause);
    }
    if (node instanceof QueryNode.Or or) {
      return or.clauses().stream().allMatch(QueryParser::hasPositiveClause);
    }
    return true;
  }

  private QueryToken peek() {
    return tokens.get(pos);
  }
}
