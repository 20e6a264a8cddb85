package io.wirewatch.kafka.dedup;

import io.wirewatch.article.Article;
import io.wirewatch.avro.DedupEnvelope;
import io.wirewatch.avro.EnrichedArticle;
import io.wirewatch.avro.IndexRequest;
import io.wirewatch.avro.IndexRequestKind;
import io.wirewatch.codec.ArticleMapping;
import io.wirewatch.dedup.Announcer;
import io.wirewatch.dedup.Fingerprinter;
import io.wirewatch.dedup.Fingerprints;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Runs per source (input keyed by source): strips the boilerplate learned for that source, computes
 * the article's fingerprints, and fans out one lookup per index partition (holding the keys of the
 * shards that partition holds) plus the article itself.
 *
 * <p>Articles first wait in an inbox until every input partition has passed their publication time
 * (and at least the settle time), and are then taken in publication order. One source's articles
 * come from every input partition, interleaved as timing decides; what the boilerplate model has
 * learned when an article is stripped must not depend on that, or a crash and its replay could
 * change verdicts. After each release the step tells every index partition how far it has come (its
 * inbox's frontier), so the index inbox can wait for the slowest fingerprint partition in turn.
 */
final class FingerprintProcessor implements Processor<String, EnrichedArticle, String, Fanout> {

  private final Fingerprinter fingerprinter;
  private final SourceBoilerplate boilerplate;
  private final int shards;
  private final int partitions;
  private final Duration settle;
  private ProcessorContext<String, Fanout> context;
  private KeyValueStore<String, byte[]> boilerplateStore;
  private SettleInbox<EnrichedArticle> inbox;
  private Announcer announcer;

  FingerprintProcessor(
      Fingerprinter fingerprinter,
      SourceBoilerplate boilerplate,
      int shards,
      int partitions,
      Duration settle) {
    this.fingerprinter = fingerprinter;
    this.boilerplate = boilerplate;
    this.shards = shards;
    this.partitions = partitions;
    this.settle = settle;
  }

  @Override
  public void init(ProcessorContext<String, Fanout> context) {
    this.context = context;
    this.boilerplateStore = context.getStateStore(DedupStores.BOILERPLATE);
    this.inbox =
        SettleInbox.open(
            context,
            DedupStores.FINGERPRINT_INBOX,
            DedupStores.FINGERPRINT_WATERMARKS,
            settle,
            settle,
            (claimed, now) -> fingerprint(claimed.value, timestampOf(claimed.key)));
    // made afresh in init, so a task revived after an aborted transaction announces again
    this.announcer = new Announcer();
    inbox.afterEachRelease(this::announceFrontier);
  }

  @Override
  public void process(Record<String, EnrichedArticle> record) {
    long now = context.currentSystemTimeMs();
    if (Watermarks.isWatermark(record.key(), record.value())) {
      inbox.watermark(Watermarks.input(record.key()), Watermarks.watermark(record.key()), now);
      return;
    }
    inbox.put(inboxKey(record.value(), record.timestamp()), record.value(), now);
  }

  /** Sent after the articles it covers, so every index partition gets those first. */
  private void announceFrontier() {
    announcer
        .due(inbox.frontier())
        .ifPresent(
            frontier ->
                context.forward(
                    new Record<>(
                        Watermarks.key(context.taskId().partition(), frontier),
                        Fanout.WATERMARK,
                        Math.max(0, context.currentStreamTimeMs()))));
  }

  /**
   * Publication time, then article id, then the record's timestamp (which downstream windows count
   * by, so it travels with the article).
   */
  static String inboxKey(EnrichedArticle a, long timestamp) {
    return SettleInbox.key(ArticleMapping.eventTime(a), a.getId(), Long.toString(timestamp));
  }

  static long timestampOf(String inboxKey) {
    return Long.parseLong(inboxKey.substring(inboxKey.lastIndexOf('|') + 1));
  }

  private void fingerprint(EnrichedArticle enriched, long timestamp) {
    Article article = ArticleMapping.toArticle(enriched);
    String source = DedupTopology.sourceKey(enriched);
    byte[] state = boilerplateStore.get(source);
    SourceBoilerplate.Result stripped =
        boilerplate.stripAndLearn(state, article.body(), article.eventTime());
    if (stripped.newState() != null) {
      boilerplateStore.put(source, stripped.newState());
    }
    Article forFingerprint = withBody(article, stripped.body());
    Fingerprints fp = fingerprinter.fingerprint(forFingerprint);
    long eventTime = article.eventTime().toEpochMilli();
    List<KeyValue<String, IndexRequest>> requests =
        IndexKeys.requests(
            IndexRequestKind.LOOKUP,
            article.id(),
            eventTime,
            null,
            fp.passageCount(),
            fp.allKeys(),
            shards,
            partitions);
    for (KeyValue<String, IndexRequest> r : requests) {
      context.forward(new Record<>(r.key, new Fanout(r.value, null), timestamp));
    }
    DedupEnvelope envelope =
        DedupEnvelope.newBuilder()
            .setArticle(enriched)
            .setExpectedReplies(requests.size())
            .setIsReply(false)
            .setOwnKeys(fp.allKeys())
            .build();
    context.forward(new Record<>(article.id(), new Fanout(null, envelope), timestamp));
  }

  private static Article withBody(Article a, String body) {
    if (body == null || body.isBlank() || body.equals(a.body())) {
      return a;
    }
    return a.withBody(body);
  }
}
