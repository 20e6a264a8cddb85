package io.wirewatch.kafka.dedup;

import io.wirewatch.avro.DedupEnvelope;
import io.wirewatch.avro.IndexRequest;

/**
 * One output of fingerprinting: a request to an index shard, or the article on its way to its
 * verdict.
 */
record Fanout(IndexRequest request, DedupEnvelope envelope) {

  boolean isRequest() {
    return request != null;
  }
}
