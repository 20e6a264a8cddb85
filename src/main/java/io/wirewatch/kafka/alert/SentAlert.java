package io.wirewatch.kafka.alert;

/**
 * An alert as it went out on news.alerts: its JSON, and the rule and subscriber it counts for, so
 * the dashboard can count alerts in-process instead of reading and parsing news.alerts again.
 */
public record SentAlert(String ruleId, String subscriber, String json) {}
