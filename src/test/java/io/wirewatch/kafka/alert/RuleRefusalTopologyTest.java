package io.wirewatch.kafka.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wirewatch.alert.AlertMode;
import io.wirewatch.alert.AlertRule;
import io.wirewatch.alert.QueryLimits;
import io.wirewatch.alert.RuleAdmission;
import io.wirewatch.alert.RuleBook;
import io.wirewatch.codec.RuleJson;
import io.wirewatch.kafka.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleRefusalTopologyTest {

  // two rules per subscriber, so that the limit is reached within the test
  private static final RuleAdmission ADMISSION = new RuleAdmission(QueryLimits.DEFAULT, 2);

  @TempDir Path state;

  @Test
  void shouldPublishEachRefusedRuleOnceWithItsReasonAndNothingElse() {
    try (TopologyTestDriver driver = driver()) {
      TestInputTopic<String, String> rules =
          driver.createInputTopic(
              Topics.ALERT_RULES.name(),
              Serdes.String().serializer(),
              Serdes.String().serializer());
      TestOutputTopic<String, String> refused =
          driver.createOutputTopic(
              Topics.ALERT_RULES_REJECTED.name(),
              Serdes.String().deserializer(),
              Serdes.String().deserializer());

      rules.pipeInput("ok-1", rule("ok-1", "moratorium", "desk"));
      rules.pipeInput("bad-syntax", rule("bad-syntax", "(police AND", "desk"));
      rules.pipeInput("bad-json", "{not json");
      rules.pipeInput(null, rule("no-key", "harbour", "desk"));
      rules.pipeInput("ok-2", rule("ok-2", "Rekognition", "desk"));
      // a third rule for "desk" breaks its limit of two; replacing one of its two does not
      rules.pipeInput("third", rule("third", "harbour", "desk"));
      rules.pipeInput("ok-2", rule("ok-2", "\"facial recognition\"", "desk"));
      // after a deletion there is room again
      rules.pipeInput("ok-1", (String) null);
      rules.pipeInput("third", rule("third", "harbour", "desk"));

      List<TestRecord<String, String>> out = refused.readRecordsToList();
      assertEquals(
          List.of("bad-syntax", "bad-json", "(no key)", "third"),
          out.stream().map(r -> r.key() == null ? "(no key)" : r.key()).toList());
      for (TestRecord<String, String> r : out) {
        assertEquals("INVALID_RULE", header(r, "ww.error.code"));
      }
      // the reason is the rule book's own
      AlertRule badSyntax = new AlertRule("bad-syntax", "(police AND", AlertMode.EVERY, "desk");
      assertEquals(
          new RuleBook().check(badSyntax).orElseThrow(), header(out.get(0), "ww.error.message"));
      assertTrue(header(out.get(3), "ww.error.message").contains("already has 2 rules"));
      // the refused record is the one that came in
      assertEquals("{not json", out.get(1).value());
      assertNull(out.get(2).key());
    }
  }

  private TopologyTestDriver driver() {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "rule-refusals-test");
    p.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
    return new TopologyTestDriver(RuleRefusalTopology.build(ADMISSION), p);
  }

  private static String rule(String id, String query, String subscriber) {
    return RuleJson.write(new AlertRule(id, query, AlertMode.EVERY, subscriber));
  }

  private static String header(TestRecord<String, String> r, String name) {
    return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
