package io.wirewatch.kafka.dedup;

import io.wirewatch.avro.EnrichedArticle;
import io.wirewatch.avro.IndexRequest;

/**
 * One output of the verdict stage: the decided article, or a story assignment for an index shard.
 */
record VerdictOut(EnrichedArticle article, IndexRequest assignment) {}
