/**
 * Wire formats: Avro single-object encoding (with every schema version kept, so old writers still
 * decode) and JSON (with hard limits on size and nesting, since producers are untrusted). Nothing
 * here knows of Kafka; serdes in the kafka package delegate to these codecs.
 */
package io.wirewatch.codec;
