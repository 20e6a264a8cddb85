package io.wirewatch.kafka;

import io.wirewatch.codec.EntityJson;
import io.wirewatch.entity.NewsEntityTagger;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds the entries of {@code news.entities} to this instance's tagger as they arrive. A deletion
 * (tombstone) leaves the store at once and the tagger at the next start, which rebuilds it from the
 * configured base plus the store: removing from the automaton in place is not supported.
 */
final class KnowledgeBaseUpdater implements Processor<String, String, Void, Void> {

  static final String STORE = "entities-global";
  private static final Logger LOG = LoggerFactory.getLogger(KnowledgeBaseUpdater.class);

  private final NewsEntityTagger tagger;
  private KeyValueStore<String, String> store;

  KnowledgeBaseUpdater(NewsEntityTagger tagger) {
    this.tagger = tagger;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    store = context.getStateStore(STORE);
    try (KeyValueIterator<String, String> it = store.all()) {
      it.forEachRemaining(kv -> add(kv.key, kv.value));
    }
  }

  @Override
  public void process(Record<String, String> record) {
    if (record.key() == null) {
      LOG.warn("ignoring an entity without a key (the key must be the entity id)");
      return;
    }
    if (record.value() == null) {
      store.delete(record.key());
      return;
    }
    store.put(record.key(), record.value());
    add(record.key(), record.value());
  }

  private void add(String id, String json) {
    try {
      tagger.add(EntityJson.parse(json));
    } catch (IllegalArgumentException e) {
      LOG.warn("entity {} refused: {}", id, e.getMessage());
    }
  }
}
