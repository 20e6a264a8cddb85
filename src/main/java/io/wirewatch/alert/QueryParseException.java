package io.wirewatch.alert;

/** A rule's query that cannot be accepted; the message names the column where it went wrong. */
public final class QueryParseException extends Exception {
  private final int column;

  public QueryParseException(String message, int column) {
    super(message + " at column " + column);
    this.column = column;
  }

  /** 1-based column in the query text. */
  public int column() {
    return column;
  }
}
