package io.wirewatch.kafka.alert;

import io.wirewatch.alert.AlertRule;
import io.wirewatch.alert.RuleBook;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rules of this instance: the accepted ones in the rule book, the refused ones with their
 * reason, so the API can show why a rule on the topic does nothing.
 */
public final class RuleCatalog {

  private final RuleBook book;
  private final Map<String, String> refused = new ConcurrentHashMap<>();

  public RuleCatalog(RuleBook book) {
    this.book = book;
  }

  public RuleBook book() {
    return book;
  }

  /** Applies one record of the rules topic: a rule, an unparseable value, or a deletion. */
  public Optional<String> apply(String ruleId, AlertRule rule, String parseError) {
    if (parseError != null) {
      book.remove(ruleId);
      refused.put(ruleId, parseError);
      return Optional.of(parseError);
    }
    if (rule == null) {
      book.remove(ruleId);
      refused.remove(ruleId);
      return Optional.empty();
    }
    Optional<String> problem = book.put(rule);
    if (problem.isPresent()) {
      book.remove(ruleId);
      refused.put(ruleId, problem.get());
    } else {
      refused.remove(ruleId);
    }
    return problem;
  }

  public Map<String, String> refused() {
    return Map.copyOf(refused);
  }
}
