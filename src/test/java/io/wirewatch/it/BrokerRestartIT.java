package io.wirewatch.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wirewatch.app.Wirewatch;
import io.wirewatch.broker.EmbeddedKafkaBroker;
import io.wirewatch.config.WirewatchConfig;
import io.wirewatch.kafka.Topics;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The broker goes down mid-stream and comes back on the same data and port: the application returns
 * to RUNNING by itself and the output is complete, each article and alert exactly once.
 */
class BrokerRestartIT {

  private static final int ARTICLES = 1000;

  @Test
  void shouldResumeAndCompleteTheOutputAfterTheBrokerRestarts() throws Exception {
    assumeTrue(ReutersWorkload.available(), "needs Debian's weka package (Reuters texts)");
    ReutersWorkload work = new ReutersWorkload("restart", ARTICLES);
    Path dir = Files.createTempDirectory("wirewatch-restart-");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dir.resolve("kafka"), port).start();
    Properties p = new Properties();
    p.setProperty(WirewatchConfig.BOOTSTRAP_SERVERS.key(), broker.bootstrapServers());
    p.setProperty(WirewatchConfig.APPLICATION_ID.key(), "wirewatch-restart");
    p.setProperty(WirewatchConfig.STATE_DIR.key(), dir.resolve("state").toString());
    p.setProperty(WirewatchConfig.TOPIC_PARTITIONS.key(), "2");
    try (Wirewatch app = Wirewatch.start(WirewatchConfig.of(p), false)) {
      app.awaitRunning(Duration.ofMinutes(2));
      KafkaIO kafka = new KafkaIO(broker.bootstrapServers());
      work.sendRules(kafka);
      work.sendArticles(kafka, 0, ARTICLES / 2);
      kafka.awaitRecords(Topics.ENRICHED.name(), r -> true, ARTICLES / 4, Duration.ofMinutes(2));

      broker.close();
      broker = new EmbeddedKafkaBroker(dir.resolve("kafka"), port).start();

      work.sendArticles(kafka, ARTICLES / 2, ARTICLES);
      var enriched =
          kafka.awaitRecords(Topics.ENRICHED.name(), r -> true, ARTICLES, Duration.ofMinutes(4));
      int expected = work.expectedAlerts().size();
      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofSeconds(2))
          .until(() -> kafka.readAll(Topics.ALERTS.name()).size() >= expected);
      app.awaitRunning(Duration.ofMinutes(2));
      work.assertExactlyOnce(enriched, kafka.readAll(Topics.ALERTS.name()));
    } finally {
      broker.close();
    }
  }
}
