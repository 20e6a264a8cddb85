/**
 * Integration tests: the real pipeline on a real broker, checked through real producers and {@code
 * read_committed} consumers. They run against the embedded KRaft broker, and the same tests against
 * Testcontainers' Kafka where Docker is available.
 */
package io.wirewatch.it;
