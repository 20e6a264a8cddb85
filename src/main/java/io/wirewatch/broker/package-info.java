/**
 * A real single-node Apache Kafka broker in KRaft mode, run inside wirewatch's JVM for {@code
 * demo}, {@code bench} and the integration tests: no Docker, no separate install.
 */
package io.wirewatch.broker;
