/**
 * Runs wirewatch: builds the stages from configuration, starts Kafka Streams and the dashboard's
 * HTTP server, and stops them cleanly. The command line ({@code io.wirewatch.cli}) is a thin layer
 * on top.
 */
package io.wirewatch.app;
