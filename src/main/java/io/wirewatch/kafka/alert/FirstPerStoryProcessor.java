package io.wirewatch.kafka.alert;

import io.wirewatch.avro.AlertRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Lets through the first alert of a (rule, story) and drops the rest. Input is keyed by rule and
 * story, so every copy and write-up of a story meets the same store entry, wherever it was matched.
 */
final class FirstPerStoryProcessor implements Processor<String, AlertRecord, String, AlertRecord> {

  static final String STORE = "alerts-first-per-story";

  private final long windowMillis;
  private ProcessorContext<String, AlertRecord> context;
  private WindowStore<String, Long> alerted;

  FirstPerStoryProcessor(long windowMillis) {
    this.windowMillis = windowMillis;
  }

  @Override
  public void init(ProcessorContext<String, AlertRecord> context) {
    this.context = context;
    this.alerted = context.getStateStore(STORE);
  }

  @Override
  public void process(Record<String, AlertRecord> record) {
    long eventTime = record.value().getEventTime();
    if (alreadyAlerted(record.key(), eventTime)) {
      return;
    }
    alerted.put(record.key(), eventTime, eventTime);
    context.forward(record.withKey(record.value().getSubscriber()));
  }

  private boolean alreadyAlerted(String ruleAndStory, long eventTime) {
    try (WindowStoreIterator<Long> it =
        alerted.fetch(ruleAndStory, eventTime - windowMillis, eventTime + windowMillis)) {
      return it.hasNext();
    }
  }
}
