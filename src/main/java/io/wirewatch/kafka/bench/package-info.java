/**
 * The Kafka side of {@code wirewatch bench}: the pass-through topology that gives the floor Kafka
 * itself imposes, and the end-to-end run that measures wirewatch against it on the same broker.
 */
package io.wirewatch.kafka.bench;
