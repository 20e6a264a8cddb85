package io.wirewatch.alert;

/** One lexical token of a query; {@code column} is 1-based. */
record QueryToken(Kind kind, String text, int column, int distance) {

  enum Kind {
    WORD,
    PHRASE,
    FIELD,
    AND,
    OR,
    NOT,
    NEAR,
    ONEAR,
    LPAREN,
    RPAREN,
    END
  }

  static QueryToken of(Kind kind, String text, int column) {
    return new QueryToken(kind, text, column, -1);
  }
}
