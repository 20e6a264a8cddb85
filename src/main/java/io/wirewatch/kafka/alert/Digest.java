package io.wirewatch.kafka.alert;

import io.wirewatch.avro.DigestState;

/** A closed digest window of one subscriber. */
record Digest(String subscriber, long windowStart, long windowEnd, DigestState state) {}
