package io.wirewatch.kafka.alert;

import io.wirewatch.alert.AlertRule;
import io.wirewatch.alert.RuleAdmission;
import io.wirewatch.codec.RuleJson;
import io.wirewatch.kafka.ValidateTopology;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Reads {@code news.alert-rules} in order and forwards each rule the rule books will refuse, with
 * the reason in {@code ww.error.*} headers, as {@code news.articles.rejected} carries refused
 * articles. It decides as every instance's rule book does ({@link RuleAdmission}), from the owner
 * of every rule accepted so far: the per-subscriber limit depends on them.
 */
final class RuleRefusalProcessor implements Processor<String, String, String, String> {

  static final String STORE = "rule-refusal-owners";
  static final String INVALID_RULE = "INVALID_RULE";

  private final RuleAdmission admission;
  private ProcessorContext<String, String> context;
  private KeyValueStore<String, String> owners;
  private final Map<String, Long> rulesPerSubscriber = new HashMap<>();

  RuleRefusalProcessor(RuleAdmission admission) {
    this.admission = admission;
  }

  @Override
  public void init(ProcessorContext<String, String> context) {
    this.context = context;
    this.owners = context.getStateStore(STORE);
    try (KeyValueIterator<String, String> all = owners.all()) {
      all.forEachRemaining(kv -> rulesPerSubscriber.merge(kv.value, 1L, Long::sum));
    }
  }

  @Override
  public void process(Record<String, String> record) {
    String ruleId = record.key();
    if (ruleId == null) {
      refuse(record, "a rule record needs the rule id as its key");
      return;
    }
    if (record.value() == null) {
      forget(ruleId);
      return;
    }
    AlertRule rule;
    try {
      rule = RuleJson.parse(record.value());
    } catch (IllegalArgumentException e) {
      forget(ruleId);
      refuse(record, e.getMessage());
      return;
    }
    // the key names the rule, whatever id the value gives, as in the rule books
    rule = new AlertRule(ruleId, rule.query(), rule.mode(), rule.subscriber());
    String owner = owners.get(ruleId);
    Optional<String> problem =
        admission.check(rule, owner, rulesPerSubscriber.getOrDefault(rule.subscriber(), 0L));
    // a refused rule is removed from the rule books, as a replaced one is
    forget(ruleId);
    if (problem.isPresent()) {
      refuse(record, problem.get());
      return;
    }
    owners.put(ruleId, rule.subscriber());
    rulesPerSubscriber.merge(rule.subscriber(), 1L, Long::sum);
  }

  private void forget(String ruleId) {
    String owner = owners.delete(ruleId);
    if (owner != null) {
      rulesPerSubscriber.computeIfPresent(owner, (s, n) -> n > 1 ? n - 1 : null);
    }
  }

  private void refuse(Record<String, String> record, String reason) {
    ValidateTopology.setErrorHeaders(record.headers(), INVALID_RULE, reason);
    context.forward(record);
  }
}
