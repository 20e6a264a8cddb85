/**
 * The processors behind news.dashboard and the story view: a wall-clock throttle so the topic is
 * not flooded, counts that each task makes before a repartition so that records cross it once a
 * second rather than one by one ({@link io.wirewatch.kafka.dashboard.PartialCounts}, {@link
 * io.wirewatch.kafka.dashboard.PartitionCounts}), items bound for a repartition topic grouped into
 * one record per destination partition ({@link io.wirewatch.kafka.dashboard.PartitionBatches}),
 * per-story and per-entity state, and single-key leaderboards. Every store here is bounded: each
 * class says how.
 */
package io.wirewatch.kafka.dashboard;
