package io.wirewatch.kafka;

import io.wirewatch.article.RejectionCode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stage that throws on a record sends it to {@code news.articles.rejected} as {@code
 * PROCESSING_ERROR}, and the partition goes on (KIP-1033's handler with KIP-1034's dead-letter
 * records, written in the task's own transaction). The rejected record carries the key and bytes
 * the failing sub-topology read, with headers naming the topic, partition and offset they came
 * from: the raw article when validation failed, an internal record of a later stage otherwise.
 */
public final class RejectingProcessingExceptionHandler implements ProcessingExceptionHandler {

  static final String SOURCE_HEADER = "ww.error.source";
  private static final Logger LOG =
      LoggerFactory.getLogger(RejectingProcessingExceptionHandler.class);

  @Override
  public Response handleError(
      ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    String source = context.topic() + "-" + context.partition() + "@" + context.offset();
    LOG.warn(
        "processor {} failed on the record at {}; it goes to {}",
        context.processorNodeId(),
        source,
        Topics.REJECTED.name(),
        exception);
    RecordHeaders headers = new RecordHeaders();
    ValidateTopology.setErrorHeaders(
        headers, RejectionCode.PROCESSING_ERROR.name(), describe(context, exception));
    headers.add(SOURCE_HEADER, source.getBytes(StandardCharsets.UTF_8));
    return Response.resume(
        List.of(
            new ProducerRecord<>(
                Topics.REJECTED.name(),
                null,
                context.timestamp(),
                context.sourceRawKey(),
                context.sourceRawValue(),
                headers)));
  }

  static String describe(ErrorHandlerContext context, Exception exception) {
    return "stage "
        + context.processorNodeId()
        + " failed: "
        + exception.getClass().getSimpleName()
        + (exception.getMessage() == null ? "" : ": " + exception.getMessage());
  }

  @Override
  public void configure(Map<String, ?> configs) {}
}
