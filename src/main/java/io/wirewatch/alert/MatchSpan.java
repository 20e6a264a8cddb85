package io.wirewatch.alert;

/** Where a rule matched: a field and character offsets into that field's text. */
public record MatchSpan(String field, String text, int start, int end) {}
