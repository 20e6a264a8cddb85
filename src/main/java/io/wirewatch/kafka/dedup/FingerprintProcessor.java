package io.wirewatch.kafka.dedup;

import io.wirewatch.article.Article;
import io.wirewatch.avro.DedupEnvelope;
import io.wirewatch.avro.EnrichedArticle;
import io.wirewatch.avro.IndexRequest;
import io.wirewatch.avro.IndexRequestKind;
import io.wirewatch.codec.ArticleMapping;
import io.wirewatch.dedup.Fingerprinter;
import io.wirewatch.dedup.Fingerprints;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Runs per source (input keyed by source): strips the boilerplate learned for that source, computes
 * the article's fingerprints, and fans out one lookup per index shard plus the article itself.
 */
final class FingerprintProcessor implements Processor<String, EnrichedArticle, String, Fanout> {

  private final Fingerprinter fingerprinter;
  private final SourceBoilerplate boilerplate;
  private final int shards;
  private ProcessorContext<String, Fanout> context;
  private KeyValueStore<String, byte[]> boilerplateStore;

  FingerprintProcessor(Fingerprinter fingerprinter, SourceBoilerplate boilerplate, int shards) {
    this.fingerprinter = fingerprinter;
    this.boilerplate = boilerplate;
    this.shards = shards;
  }

  @Override
  public void init(ProcessorContext<String, Fanout> context) {
    this.context = context;
    this.boilerplateStore = context.getStateStore(DedupStores.BOILERPLATE);
  }

  @Override
  public void process(Record<String, EnrichedArticle> record) {
    EnrichedArticle enriched = record.value();
    Article article = ArticleMapping.toArticle(enriched);
    String source = record.key();
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
            shards);
    for (KeyValue<String, IndexRequest> r : requests) {
      context.forward(record.withKey(r.key).withValue(new Fanout(r.value, null)));
    }
    DedupEnvelope envelope =
        DedupEnvelope.newBuilder()
            .setArticle(enriched)
            .setExpectedReplies(requests.size())
            .setIsReply(false)
            .setOwnKeys(fp.allKeys())
            .build();
    context.forward(record.withKey(article.id()).withValue(new Fanout(null, envelope)));
  }

  private static Article withBody(Article a, String body) {
    if (body == null || body.isBlank() || body.equals(a.body())) {
      return a;
    }
    return new Article(
        a.id(),
        a.url(),
        a.source(),
        a.publishedAt(),
        a.language(),
        a.title(),
        body,
        a.authors(),
        a.receivedAt(),
        a.warnings());
  }
}
