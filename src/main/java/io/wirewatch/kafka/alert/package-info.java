/**
 * The alert topology's processors: rules are materialised from {@code news.alert-rules} on every
 * instance (a global store feeding the in-memory {@link io.wirewatch.alert.RuleBook}), articles are
 * matched where they are, and FIRST_PER_STORY and DIGEST alerts are decided on a partition keyed by
 * rule and story, or by rule, so their state never depends on which instance matched.
 */
package io.wirewatch.kafka.alert;
