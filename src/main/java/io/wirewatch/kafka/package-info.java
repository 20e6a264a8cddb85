/**
 * The Kafka wiring, kept thin: typed topics and serdes, and one topology class per concern
 * (validate, dedup, entities, alerts, dashboard). {@link io.wirewatch.kafka.WirewatchTopology}
 * wires them in the order an article flows through them; the logic each stage applies lives in the
 * pure packages.
 */
package io.wirewatch.kafka;
