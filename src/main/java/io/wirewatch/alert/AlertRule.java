package io.wirewatch.alert;

import java.util.Objects;

/** A subscriber's standing query. */
public record AlertRule(String id, String query, AlertMode mode, String subscriber) {
  public AlertRule {
    Objects.requireNonNull(id, "id can't be null");
    Objects.requireNonNull(query, "query can't be null");
    Objects.requireNonNull(mode, "mode can't be null");
    Objects.requireNonNull(subscriber, "subscriber can't be null");
  }
}
