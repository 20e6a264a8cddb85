package io.wirewatch.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wirewatch.kafka.Topics;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@code demo --data-dir} survives {@code kill -9} of the whole process, broker included: the demo
 * runs in a child JVM, is killed with SIGKILL while it works through a backlog, and is started
 * again on the same directory. Read committed, every article is enriched exactly once and no (rule,
 * article) alert repeats.
 */
class DemoKillIT {

  private static final int BEFORE_KILL = 1500;
  private static final int AFTER_RESTART = 500;

  @Test
  void shouldResumeOnTheSameDataDirAfterTheWholeProcessIsKilled() throws Exception {
    assumeTrue(ReutersWorkload.available(), "needs Debian's weka package (Reuters texts)");
    ReutersWorkload work = new ReutersWorkload("demo-kill", BEFORE_KILL + AFTER_RESTART);
    Path dir = Files.createTempDirectory("wirewatch-demo-kill-");
    Path log = dir.resolve("demo.log");
    // the same Kafka port both times, as a user restarting the demo would have it
    String[] demo = {
      "demo",
      "--data-dir",
      dir.resolve("data").toString(),
      "--no-samples",
      "--kafka-port",
      String.valueOf(freePort()),
      "--http-port",
      "0"
    };
    Process child = ChildPipeline.startCommand(log, demo);
    try {
      KafkaIO kafka = new KafkaIO(bootstrap(log));
      work.sendRules(kafka);
      work.sendArticles(kafka, 0, BEFORE_KILL);
      kafka.awaitRecords(
          Topics.ENRICHED.name(), work::isMine, BEFORE_KILL / 3, Duration.ofMinutes(2));
      child.destroyForcibly().waitFor();

      child = ChildPipeline.startCommand(log, demo);
      work.sendArticles(kafka, BEFORE_KILL, BEFORE_KILL + AFTER_RESTART);
      var enriched =
          kafka.awaitRecords(
              Topics.ENRICHED.name(),
              work::isMine,
              BEFORE_KILL + AFTER_RESTART,
              Duration.ofMinutes(3));
      int expectedAlerts = work.expectedAlerts().size();
      await()
          .atMost(Duration.ofMinutes(1))
          .pollInterval(Duration.ofSeconds(2))
          .until(() -> kafka.readAll(Topics.ALERTS.name()).size() >= expectedAlerts);
      work.assertExactlyOnce(enriched, kafka.readAll(Topics.ALERTS.name()));
    } finally {
      child.destroyForcibly().waitFor();
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** The broker address from the demo's last READY line. */
  private static String bootstrap(Path log) throws Exception {
    String ready =
        Files.readAllLines(log).stream()
            .filter(l -> l.startsWith("READY"))
            .reduce((a, b) -> b)
            .get();
    return ready.split("kafka=")[1].split(" ")[0];
  }
}
