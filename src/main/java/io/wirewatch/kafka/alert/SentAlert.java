package io.wirewatch.kafka.alert;

/**
 * An alert as it went out on news.alerts: its JSON, and the rule and subscriber it counts for, so
 * the dashboard can count alerts in-process instead of reading and parsing news.alerts again.
 */
public record SentAlert(String ruleId, String subscriber, String json) {

  /**
   * The header of each record on news.alerts that names the rule it counts for (UTF-8), so the
   * dashboard counts alerts by rule from news.alerts without parsing the JSON.
   */
  public static final String RULE_HEADER = "ww.rule";
}
