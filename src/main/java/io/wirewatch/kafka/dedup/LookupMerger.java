package io.wirewatch.kafka.dedup;

import io.wirewatch.avro.DedupEnvelope;
import io.wirewatch.avro.IndexRequest;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Sits right after fingerprinting and turns an article's one lookup per shard into one lookup per
 * index partition: with 8 shards on 4 partitions this halves the lookups, the inbox entries, the
 * replies and the pending updates that dedup writes to Kafka per article, while every key is still
 * claimed on the partition that has always held it.
 *
 * <p>Fingerprinting forwards an article's lookups and then its envelope within one {@code process}
 * call, so the lookups are held here only until the envelope follows; no commit can fall between
 * them, which keeps the buffer out of any state store. The envelope leaves with the number of
 * replies to expect set to the merged count. Anything that does not fit that pattern (lookups of
 * another article, an envelope without lookups) passes through unchanged.
 */
final class LookupMerger implements Processor<String, Fanout, String, Fanout> {

  private final int shards;
  private final int partitions;
  private final List<Record<String, Fanout>> held = new ArrayList<>();
  private ProcessorContext<String, Fanout> context;

  LookupMerger(int shards, int partitions) {
    this.shards = shards;
    this.partitions = partitions;
  }

  @Override
  public void init(ProcessorContext<String, Fanout> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, Fanout> record) {
    Fanout fanout = record.value();
    if (fanout == null) {
      passHeld();
      context.forward(record);
      return;
    }
    if (fanout.isRequest()) {
      if (!held.isEmpty() && !sameArticle(held.get(0), fanout.request().getArticleId())) {
        passHeld();
      }
      held.add(record);
      return;
    }
    DedupEnvelope envelope = fanout.envelope();
    String articleId = envelope.getArticle() == null ? null : envelope.getArticle().getId();
    if (held.isEmpty() || articleId == null || !sameArticle(held.get(0), articleId)) {
      passHeld();
      context.forward(record);
      return;
    }
    IndexRequest first = held.get(0).value().request();
    List<String> keys = new ArrayList<>();
    for (Record<String, Fanout> r : held) {
      keys.addAll(r.value().request().getKeys());
    }
    List<KeyValue<String, IndexRequest>> merged =
        IndexKeys.requests(
            first.getKind(),
            first.getArticleId(),
            first.getEventTime(),
            first.getStoryId(),
            first.getFeatureCount(),
            keys,
            shards,
            partitions);
    Record<String, Fanout> firstHeld = held.get(0);
    held.clear();
    for (KeyValue<String, IndexRequest> r : merged) {
      context.forward(firstHeld.withKey(r.key).withValue(new Fanout(r.value, null)));
    }
    // set in place: a builder copy would deep-copy the whole article
    envelope.setExpectedReplies(merged.size());
    context.forward(record);
  }

  private static boolean sameArticle(Record<String, Fanout> held, String articleId) {
    return held.value().request().getArticleId().equals(articleId);
  }

  private void passHeld() {
    for (Record<String, Fanout> r : held) {
      context.forward(r);
    }
    held.clear();
  }
}
