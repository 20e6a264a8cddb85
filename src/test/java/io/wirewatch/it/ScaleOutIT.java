package io.wirewatch.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wirewatch.app.Wirewatch;
import io.wirewatch.broker.EmbeddedKafkaBroker;
import io.wirewatch.config.WirewatchConfig;
import io.wirewatch.kafka.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Two instances share four partitions, each with a standby replica of the other's state; one is
 * killed with SIGKILL mid-stream and the other takes over: nothing is lost or repeated.
 */
class ScaleOutIT {

  private static final int ARTICLES = 3000;
  private static final String APP = "wirewatch-scale-out";

  @Test
  void shouldLetTheSurvivorTakeOverWithoutLossOrRepeats() throws Exception {
    assumeTrue(ReutersWorkload.available(), "needs Debian's weka package (Reuters texts)");
    ReutersWorkload work = new ReutersWorkload("scaleout", ARTICLES);
    Path dir = Files.createTempDirectory("wirewatch-scale-out-");
    try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dir.resolve("kafka"), 0).start()) {
      String[] shared = {
        "wirewatch.topics.partitions=4", "num.standby.replicas=1", "session.timeout.ms=8000"
      };
      Path childConfig =
          ChildPipeline.writeConfig(
              dir, broker.bootstrapServers(), APP, dir.resolve("state-a").toString(), shared);
      Process victim = ChildPipeline.start(childConfig, dir.resolve("a.log"));

      Properties p = new Properties();
      p.setProperty(WirewatchConfig.BOOTSTRAP_SERVERS.key(), broker.bootstrapServers());
      p.setProperty(WirewatchConfig.APPLICATION_ID.key(), APP);
      p.setProperty(WirewatchConfig.STATE_DIR.key(), dir.resolve("state-b").toString());
      for (String line : shared) {
        String[] kv = line.split("=", 2);
        p.setProperty(kv[0], kv[1]);
      }
      try (Wirewatch survivor = Wirewatch.start(WirewatchConfig.of(p), false)) {
        survivor.awaitRunning(Duration.ofMinutes(2));
        KafkaIO kafka = new KafkaIO(broker.bootstrapServers());
        work.sendRules(kafka);
        work.sendArticles(kafka, 0, ARTICLES / 2);
        kafka.awaitRecords(Topics.ENRICHED.name(), r -> true, ARTICLES / 4, Duration.ofMinutes(3));

        victim.destroyForcibly().waitFor();

        work.sendArticles(kafka, ARTICLES / 2, ARTICLES);
        var enriched =
            kafka.awaitRecords(Topics.ENRICHED.name(), r -> true, ARTICLES, Duration.ofMinutes(5));
        int expected = work.expectedAlerts().size();
        await()
            .atMost(Duration.ofMinutes(2))
            .pollInterval(Duration.ofSeconds(2))
            .until(() -> kafka.readAll(Topics.ALERTS.name()).size() >= expected);
        work.assertExactlyOnce(enriched, kafka.readAll(Topics.ALERTS.name()));
      }
    }
  }
}
