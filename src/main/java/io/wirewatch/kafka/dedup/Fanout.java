package io.wirewatch.kafka.dedup;

import io.wirewatch.avro.DedupEnvelope;
import io.wirewatch.avro.IndexRequest;

/**
 * One output of fingerprinting: a request to an index shard, the article on its way to its verdict,
 * or a watermark for the index shards (neither).
 */
record Fanout(IndexRequest request, DedupEnvelope envelope) {

  static final Fanout WATERMARK = new Fanout(null, null);

  /** Requests and watermarks go to the index; the article goes to its verdict. */
  boolean toIndex() {
    return envelope == null;
  }
}
