package io.wirewatch.kafka.alert;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * An alert as it goes out on news.alerts: its JSON, with its rule in {@link SentAlert#RULE_HEADER}.
 */
final class RuleHeader implements FixedKeyProcessor<String, SentAlert, String> {

  private FixedKeyProcessorContext<String, String> context;

  @Override
  public void init(FixedKeyProcessorContext<String, String> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, SentAlert> record) {
    SentAlert alert = record.value();
    if (alert == null) {
      return;
    }
    // a copy: the alerts of one article share its record's headers
    RecordHeaders headers = new RecordHeaders(record.headers().toArray());
    headers.remove(SentAlert.RULE_HEADER);
    headers.add(SentAlert.RULE_HEADER, alert.ruleId().getBytes(StandardCharsets.UTF_8));
    context.forward(record.withValue(alert.json()).withHeaders(headers));
  }
}
