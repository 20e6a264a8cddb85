package io.wirewatch.alert;

/**
 * Bounds on what one rule may ask, so that no rule can make matching slow for everyone.
 *
 * @param maxLength characters in the query text
 * @param maxTerms words, phrases and wildcards in the query
 * @param maxDepth nesting of parentheses and operators
 * @param minPrefixLength characters before a trailing {@code *}
 * @param maxNearDistance the largest n in {@code NEAR/n}
 */
public record QueryLimits(
    int maxLength, int maxTerms, int maxDepth, int minPrefixLength, int maxNearDistance) {

  public static final QueryLimits DEFAULT = new QueryLimits(4000, 300, 24, 3, 50);
}
