/**
 * Pure statistics for the dashboard: per-entity activity in time buckets, spike detection against
 * an entity's own baseline, and rankings. No Kafka, Avro or Jackson here, so the logic is tested
 * without a topology.
 */
package io.wirewatch.stats;
