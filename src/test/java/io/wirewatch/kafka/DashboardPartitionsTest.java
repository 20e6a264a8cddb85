package io.wirewatch.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wirewatch.alert.RuleBook;
import io.wirewatch.app.Wirewatch;
import io.wirewatch.config.WirewatchConfig;
import io.wirewatch.kafka.alert.RuleCatalog;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.processor.internals.InternalTopicConfig;
import org.apache.kafka.streams.processor.internals.InternalTopologyBuilder;
import org.junit.jupiter.api.Test;

/**
 * The partition counts the topology fixes for its batch topics. A TopologyTestDriver has no broker
 * to refuse a wrong count, so this reads the counts the built topology asks Streams to create
 * (Kafka Streams' internal builder: may move on a Kafka upgrade).
 */
class DashboardPartitionsTest {

  /** Opens the builder's internal topology, which knows the repartition topics' settings. */
  private static final class OpenBuilder extends StreamsBuilder {
    InternalTopologyBuilder internals() {
      return internalTopologyBuilder;
    }
  }

  @Test
  void shouldBatchTheCountsByRuleForTheAlertTopicsOwnPartitionCount() throws Exception {
    // a user's news.alerts made with 3 partitions, wirewatch.topics.partitions now 4 (the default)
    WirewatchConfig config = WirewatchConfig.of(new Properties());
    assertEquals(4, config.get(WirewatchConfig.TOPIC_PARTITIONS));
    WirewatchTopology.Stages stages =
        Wirewatch.stages(config, new RuleCatalog(new RuleBook())).withAlertsPartitions(3);

    Map<String, Optional<Integer>> counts = repartitionCounts(stages);

    assertEquals(Optional.of(3), counts.get("wirewatch-test-dashboard-alerts-by-rule-repartition"));
    // the entity mentions come from the dedup's verdict topic, fixed to the configured count
    assertEquals(Optional.of(4), counts.get("wirewatch-test-dashboard-entities-by-id-repartition"));
    assertEquals(Optional.of(4), counts.get("wirewatch-test-dedup-verdict-repartition"));
  }

  @Test
  void shouldUseTheConfiguredCountWhenNoBrokerWasAsked() throws Exception {
    WirewatchConfig config = WirewatchConfig.of(new Properties());
    WirewatchTopology.Stages stages = Wirewatch.stages(config, new RuleCatalog(new RuleBook()));
    assertEquals(4, stages.alertsPartitions());
    assertEquals(
        Optional.of(4),
        repartitionCounts(stages).get("wirewatch-test-dashboard-alerts-by-rule-repartition"));
  }

  @Test
  void shouldRefuseANonPositivePartitionCount() throws Exception {
    WirewatchConfig config = WirewatchConfig.of(new Properties());
    WirewatchTopology.Stages stages =
        Wirewatch.stages(config, new RuleCatalog(new RuleBook())).withAlertsPartitions(0);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> WirewatchTopology.build(stages));
    assertTrue(e.getMessage().contains("alertsPartitions"), e.getMessage());
  }

  private static Map<String, Optional<Integer>> repartitionCounts(WirewatchTopology.Stages stages) {
    OpenBuilder builder = new OpenBuilder();
    WirewatchTopology.build(builder, stages);
    InternalTopologyBuilder internals = builder.internals();
    internals.setApplicationId("wirewatch-test");
    Map<String, Optional<Integer>> counts = new HashMap<>();
    for (InternalTopologyBuilder.TopicsInfo info : internals.subtopologyToTopicsInfo().values()) {
      for (Map.Entry<String, InternalTopicConfig> e : info.repartitionSourceTopics.entrySet()) {
        counts.put(e.getKey(), e.getValue().numberOfPartitions());
      }
    }
    return counts;
  }
}
