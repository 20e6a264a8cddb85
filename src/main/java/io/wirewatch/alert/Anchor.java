package io.wirewatch.alert;

/**
 * A word (or, with {@code prefix}, the start of a word) in one Lucene field that every article a
 * rule matches is sure to contain, or one of a few such words: rules are filed under it.
 */
record Anchor(String field, String term, boolean prefix) {}
