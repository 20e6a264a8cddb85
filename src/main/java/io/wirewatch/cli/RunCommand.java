package io.wirewatch.cli;

import io.wirewatch.app.Wirewatch;
import io.wirewatch.config.Home;
import io.wirewatch.config.WirewatchConfig;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/** {@code wirewatch run --config FILE}: the pipeline and dashboard against an existing cluster. */
final class RunCommand {

  private RunCommand() {}

  static int run(String[] argv) throws Exception {
    Args args = new Args(argv, 1, Set.of("config"), Set.of());
    if (!args.has("config")) {
      throw new Args.UsageException("run needs --config FILE");
    }
    WirewatchConfig config = ConfigFiles.load(args.get("config", null));
    // as the README promises: the rules file seeds news.alert-rules on a cluster's first start (a
    // topic that already holds rules is left alone); an empty setting turns this off
    String rulesFile = config.get(WirewatchConfig.RULES_FILE);
    if (!rulesFile.isBlank() && Files.isRegularFile(Home.resolve(rulesFile))) {
      SampleData.bootstrapRules(config);
    }
    Wirewatch app = Wirewatch.start(config, true);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  app.close();
                  stopped.countDown();
                },
                "wirewatch-shutdown"));
    app.awaitRunning(Duration.ofMinutes(10));
    System.out.println(
        "READY kafka="
            + config.get(WirewatchConfig.BOOTSTRAP_SERVERS)
            + " http=http://localhost:"
            + app.httpPort());
    System.out.flush();
    if (config.get(WirewatchConfig.API_TOKEN).isBlank()) {
      // otherwise nobody could ever use POST or DELETE /api/rules: shown once, on the console only
      System.err.println(
          "rule API token (generated; set wirewatch.api.token to choose one): " + app.apiToken());
    }
    stopped.await();
    return 0;
  }
}
