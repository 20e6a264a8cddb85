package io.wirewatch.alert;

import java.util.ArrayList;
import java.util.List;

/** Splits a query into tokens; operators are recognised only in upper case, as in the contract. */
final class QueryLexer {

  private final String text;
  private int i;

  QueryLexer(String text) {
    this.text = text;
  }

  List<QueryToken> tokens() throws QueryParseException {
    List<QueryToken> out = new ArrayList<>();
    while (true) {
      skipSpaces();
      if (i >= text.length()) {
        out.add(QueryToken.of(QueryToken.Kind.END, "end of query", i + 1));
        return out;
      }
      char c = text.charAt(i);
      int column = i + 1;
      if (c == '(') {
        out.add(QueryToken.of(QueryToken.Kind.LPAREN, "(", column));
        i++;
      } else if (c == ')') {
        out.add(QueryToken.of(QueryToken.Kind.RPAREN, ")", column));
        i++;
      } else if (c == '"' || c == '\u201C' || c == '\u201D') {
        out.add(phrase(column));
      } else {
        out.add(word(column));
      }
    }
  }

  private QueryToken phrase(int column) throws QueryParseException {
    int start = ++i;
    while (i < text.length() && !isQuote(text.charAt(i))) {
      i++;
    }
    if (i >= text.length()) {
      throw new QueryParseException("unterminated phrase: expected \"", text.length() + 1);
    }
    String body = text.substring(start, i++);
    return QueryToken.of(QueryToken.Kind.PHRASE, body, column);
  }

  private QueryToken word(int column) throws QueryParseException {
    int start = i;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || c == '(' || c == ')' || isQuote(c)) {
        break;
      }
      if (c == ':' && i > start) {
        String field = text.substring(start, i);
        i++;
        return QueryToken.of(QueryToken.Kind.FIELD, field, column);
      }
      i++;
    }
    String w = text.substring(start, i);
    if (w.isEmpty() || w.equals(":")) {
      i = Math.max(i, start + 1);
      throw new QueryParseException("unexpected '" + text.charAt(start) + "'", column);
    }
    return switch (w) {
      case "AND" -> QueryToken.of(QueryToken.Kind.AND, w, column);
      case "OR" -> QueryToken.of(QueryToken.Kind.OR, w, column);
      case "NOT" -> QueryToken.of(QueryToken.Kind.NOT, w, column);
      default -> proximityOrWord(w, column);
    };
  }

  private static QueryToken proximityOrWord(String w, int column) throws QueryParseException {
    for (String op : new String[] {"ONEAR/", "NEAR/"}) {
      if (w.startsWith(op)) {
        String n = w.substring(op.length());
        if (n.isEmpty() || n.length() > 4 || !n.chars().allMatch(Character::isDigit)) {
          throw new QueryParseException(op + " must be followed by a number of words", column);
        }
        QueryToken.Kind kind = op.startsWith("O") ? QueryToken.Kind.ONEAR : QueryToken.Kind.NEAR;
        return new QueryToken(kind, w, column, Integer.parseInt(n));
      }
    }
    return QueryToken.of(QueryToken.Kind.WORD, w, column);
  }

  private static boolean isQuote(char c) {
    return c == '"' || c == '\u201C' || c == '\u201D';
  }

  private void skipSpaces() {
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
  }
}
