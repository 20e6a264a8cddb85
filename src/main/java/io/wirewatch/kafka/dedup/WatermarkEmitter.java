package io.wirewatch.kafka.dedup;

import io.wirewatch.avro.EnrichedArticle;
import io.wirewatch.codec.ArticleMapping;
import io.wirewatch.dedup.InputProgress;
import java.time.Duration;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Passes articles on to the fingerprint step and tells every fingerprint partition how far in
 * publication time this input partition has come, or that it is idle. With that the fingerprint
 * inbox can wait for the slowest input partition, however far behind its stream thread runs.
 */
final class WatermarkEmitter
    implements Processor<String, EnrichedArticle, String, EnrichedArticle> {

  /** How many idle times a freshly started input waits for its first record. */
  static final int STARTUP_IDLE_TIMES = 10;

  private final Duration idle;
  private ProcessorContext<String, EnrichedArticle> context;
  private InputProgress progress;

  WatermarkEmitter(Duration idle) {
    this.idle = idle;
  }

  @Override
  public void init(ProcessorContext<String, EnrichedArticle> context) {
    this.context = context;
    this.progress =
        new InputProgress(
            idle, idle.multipliedBy(STARTUP_IDLE_TIMES), context.currentSystemTimeMs());
    context.schedule(SettleInbox.tick(idle), PunctuationType.WALL_CLOCK_TIME, this::announce);
  }

  @Override
  public void process(Record<String, EnrichedArticle> record) {
    progress.sent(
        ArticleMapping.eventTime(record.value()),
        record.timestamp(),
        context.currentSystemTimeMs());
    context.forward(record);
  }

  private void announce(long now) {
    progress
        .due(now)
        .ifPresent(
            w ->
                context.forward(
                    new Record<>(
                        Watermarks.key(context.taskId().partition(), w),
                        null,
                        Math.max(0, context.currentStreamTimeMs()))));
  }
}
