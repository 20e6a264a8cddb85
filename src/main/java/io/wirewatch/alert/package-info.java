/**
 * Standing queries ("rules") and their matching against articles, after Lucene Monitor: rules are
 * parsed once by wirewatch's own {@link io.wirewatch.alert.QueryParser} into Lucene queries,
 * registered in a {@link io.wirewatch.alert.RuleBook}, and every article is matched against all of
 * them at once. One bad rule is refused on its own and never stops the others.
 */
package io.wirewatch.alert;
