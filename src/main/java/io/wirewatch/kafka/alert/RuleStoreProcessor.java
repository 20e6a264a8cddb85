package io.wirewatch.kafka.alert;

import io.wirewatch.alert.AlertRule;
import io.wirewatch.codec.RuleJson;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the global rules store and this instance's rule book in step with {@code news.alert-rules}.
 * A rule that does not parse is logged and remembered as refused; it never stops the topology.
 */
final class RuleStoreProcessor implements Processor<String, String, Void, Void> {

  static final String STORE = "alert-rules-global";
  private static final Logger LOG = LoggerFactory.getLogger(RuleStoreProcessor.class);

  private final RuleCatalog catalog;
  private KeyValueStore<String, String> store;

  RuleStoreProcessor(RuleCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    store = context.getStateStore(STORE);
    // the store was restored before init: rebuild the in-memory rule book from it
    try (KeyValueIterator<String, String> it = store.all()) {
      while (it.hasNext()) {
        var kv = it.next();
        apply(kv.key, kv.value);
      }
    }
  }

  @Override
  public void process(Record<String, String> record) {
    if (record.key() == null) {
      LOG.warn("ignoring a rule record without a key (the key must be the rule id)");
      return;
    }
    if (record.value() == null) {
      store.delete(record.key());
    } else {
      store.put(record.key(), record.value());
    }
    apply(record.key(), record.value());
  }

  private void apply(String ruleId, String json) {
    if (json == null) {
      catalog.apply(ruleId, null, null);
      return;
    }
    AlertRule rule;
    try {
      rule = RuleJson.parse(json);
    } catch (IllegalArgumentException e) {
      LOG.warn("rule {} refused: {}", ruleId, e.getMessage());
      catalog.apply(ruleId, null, e.getMessage());
      return;
    }
    if (!rule.id().equals(ruleId)) {
      rule = new AlertRule(ruleId, rule.query(), rule.mode(), rule.subscriber());
    }
    catalog.apply(ruleId, rule, null).ifPresent(p -> LOG.warn("rule {} refused: {}", ruleId, p));
  }
}
