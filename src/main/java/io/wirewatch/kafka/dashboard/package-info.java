/**
 * The processors behind news.dashboard and the story view: a wall-clock throttle so the topic is
 * not flooded, per-story and per-entity state, and single-key leaderboards. Every store here is
 * bounded: each class says how.
 */
package io.wirewatch.kafka.dashboard;
