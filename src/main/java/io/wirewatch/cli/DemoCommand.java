package io.wirewatch.cli;

import io.wirewatch.app.Wirewatch;
import io.wirewatch.broker.EmbeddedKafkaBroker;
import io.wirewatch.config.WirewatchConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code wirewatch demo}: an embedded KRaft broker, every topology and the dashboard in one
 * process, fed with the project's own sample articles and rules unless {@code --no-samples}.
 */
final class DemoCommand {

  private DemoCommand() {}

  static int run(String[] argv) throws Exception {
    Args args =
        new Args(
            argv, 1, Set.of("kafka-port", "http-port", "data-dir", "config"), Set.of("no-samples"));
    Path dataDir =
        args.has("data-dir")
            ? Path.of(args.get("data-dir", "")).toAbsolutePath()
            : Files.createTempDirectory("wirewatch-demo-");
    EmbeddedKafkaBroker broker =
        new EmbeddedKafkaBroker(dataDir.resolve("kafka"), args.getInt("kafka-port", 0)).start();
    WirewatchConfig config =
        ConfigFiles.load(args.get("config", null))
            .with(WirewatchConfig.BOOTSTRAP_SERVERS.key(), broker.bootstrapServers())
            .with(WirewatchConfig.STATE_DIR.key(), dataDir.resolve("streams").toString())
            .with(WirewatchConfig.HTTP_PORT.key(), String.valueOf(args.getInt("http-port", 8080)));
    boolean samples = !args.has("no-samples");
    if (samples) {
      SampleData.bootstrapRules(config);
    }
    Wirewatch app = Wirewatch.start(config, true);
    CountDownLatch stopped = new CountDownLatch(1);
    List<AutoCloseable> toClose = new ArrayList<>(List.of(app, broker));
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  for (AutoCloseable c : toClose) {
                    try {
                      c.close();
                    } catch (Exception e) {
                      System.err.println("while stopping: " + e.getMessage());
                    }
                  }
                  stopped.countDown();
                },
                "wirewatch-shutdown"));
    app.awaitRunning(Duration.ofMinutes(5));
    System.out.println(
        "READY kafka=" + broker.bootstrapServers() + " http=http://localhost:" + app.httpPort());
    System.out.flush();
    System.err.println(
        "dashboard: http://localhost:" + app.httpPort() + "/   rule API token: " + app.apiToken());
    System.err.println("data: " + dataDir + "   stop with Ctrl-C");
    if (samples) {
      int fed = SampleData.feedArticles(config);
      System.err.println("fed " + fed + " sample articles to news.articles.raw");
    }
    stopped.await();
    return 0;
  }
}
