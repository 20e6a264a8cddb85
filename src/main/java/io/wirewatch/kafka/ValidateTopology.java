package io.wirewatch.kafka;

import io.wirewatch.article.ArticleValidator;
import io.wirewatch.article.Rejection;
import io.wirewatch.article.Validation;
import io.wirewatch.avro.EnrichedArticle;
import io.wirewatch.codec.ArticleMapping;
import io.wirewatch.codec.RawArticleDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Validate and normalise: every ingest record becomes an accepted article keyed by its id, or goes
 * to {@code news.articles.rejected} with its original key and bytes and the reason in headers. No
 * record, however malformed, can stop this topology.
 */
public final class ValidateTopology {

  public static final String ERROR_CODE_HEADER = "ww.error.code";
  public static final String ERROR_MESSAGE_HEADER = "ww.error.message";
  private static final int MAX_HEADER_MESSAGE_CHARS = 500;

  /**
   * Sets the {@code ww.error.*} headers of a refused record (articles, rules, failed records),
   * replacing any it came with; the message is cut to 500 chars.
   */
  public static void setErrorHeaders(Headers headers, String code, String message) {
    headers.remove(ERROR_CODE_HEADER);
    headers.remove(ERROR_MESSAGE_HEADER);
    headers.add(ERROR_CODE_HEADER, code.getBytes(StandardCharsets.UTF_8));
    String cut =
        message.length() > MAX_HEADER_MESSAGE_CHARS
            ? message.substring(0, MAX_HEADER_MESSAGE_CHARS)
            : message;
    headers.add(ERROR_MESSAGE_HEADER, cut.getBytes(StandardCharsets.UTF_8));
  }

  private ValidateTopology() {}

  /** What validation made of one ingest record. */
  record Outcome(byte[] original, EnrichedArticle article, Rejection rejection) {}

  public static KStream<String, EnrichedArticle> build(StreamsBuilder builder, int maxBodyChars) {
    KStream<byte[], Outcome> outcomes =
        builder.stream(Topics.RAW.name(), Topics.RAW.consumed())
            .processValues(() -> new ValidateProcessor(maxBodyChars), Named.as("validate"));
    Map<String, KStream<byte[], Outcome>> branches =
        outcomes
            .split(Named.as("validate-"))
            .branch((key, outcome) -> outcome.article() != null, Branched.as("accepted"))
            .defaultBranch(Branched.as("rejected"));
    branches
        .get("validate-rejected")
        .mapValues(Outcome::original, Named.as("validate-original-bytes"))
        .to(Topics.REJECTED.name(), Topics.REJECTED.produced());
    return branches
        .get("validate-accepted")
        .map(
            (key, outcome) -> KeyValue.pair(outcome.article().getId(), outcome.article()),
            Named.as("validate-key-by-id"));
  }

  static final class ValidateProcessor implements FixedKeyProcessor<byte[], byte[], Outcome> {

    private final int maxBodyChars;
    private RawArticleDecoder decoder;
    private ArticleValidator validator;
    private FixedKeyProcessorContext<byte[], Outcome> context;

    ValidateProcessor(int maxBodyChars) {
      this.maxBodyChars = maxBodyChars;
    }

    @Override
    public void init(FixedKeyProcessorContext<byte[], Outcome> context) {
      this.context = context;
      // room for the largest accepted body in UTF-8 plus the other fields
      this.decoder = new RawArticleDecoder(maxBodyChars * 4 + 64 * 1024);
      this.validator = new ArticleValidator(maxBodyChars);
    }

    @Override
    public void process(FixedKeyRecord<byte[], byte[]> record) {
      RawArticleDecoder.Decoded decoded = decoder.decode(record.value());
      if (decoded.rejection() != null) {
        reject(record, decoded.rejection());
        return;
      }
      Validation validation =
          validator.validate(decoded.fields(), Instant.ofEpochMilli(record.timestamp()));
      if (validation instanceof Validation.Rejected rejected) {
        reject(record, rejected.rejection());
      } else {
        var article = ((Validation.Accepted) validation).article();
        context.forward(record.withValue(new Outcome(null, ArticleMapping.toAvro(article), null)));
      }
    }

    private void reject(FixedKeyRecord<byte[], byte[]> record, Rejection rejection) {
      setErrorHeaders(record.headers(), rejection.code().name(), rejection.message());
      context.forward(record.withValue(new Outcome(record.value(), null, rejection)));
    }
  }
}
