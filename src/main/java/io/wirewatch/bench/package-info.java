/**
 * Benchmark workloads for the rule matcher, pure Java with no Kafka: news articles built from real
 * Reuters text, rules of a realistic mix drawn from the same text, and {@link
 * io.wirewatch.bench.MatcherBenchmark}, which times wirewatch's {@link io.wirewatch.alert.RuleBook}
 * against plain Lucene Monitor on the same rules and articles and checks both find the same
 * matches.
 */
package io.wirewatch.bench;
