package io.wirewatch.kafka.alert;

import io.wirewatch.alert.RuleAdmission;
import io.wirewatch.kafka.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * {@code news.alert-rules} to {@code news.alert-rules.rejected}: every refused rule, once. A
 * topology of its own, run by a Kafka Streams instance of its own, because the main topology reads
 * the rules topic into a global store, and Kafka Streams lets a topic feed a global store or a
 * stream, not both. Its store holds one entry per accepted rule, so it is as bounded as the
 * compacted rules topic.
 */
public final class RuleRefusalTopology {

  /** Appended to the application id: its consumer group, transactional ids and internal topics. */
  public static final String APPLICATION_ID_SUFFIX = "-rule-refusals";

  private RuleRefusalTopology() {}

  public static Topology build(RuleAdmission admission) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(RuleRefusalProcessor.STORE),
            Serdes.String(),
            Serdes.String()));
    builder.stream(
            Topics.ALERT_RULES.name(),
            Consumed.with(Serdes.String(), Serdes.String()).withName("rule-refusals-source"))
        .process(
            () -> new RuleRefusalProcessor(admission),
            Named.as("rule-refusals-check"),
            RuleRefusalProcessor.STORE)
        .to(
            Topics.ALERT_RULES_REJECTED.name(),
            Produced.with(Serdes.String(), Serdes.String()).withName("rule-refusals-sink"));
    return builder.build();
  }
}
