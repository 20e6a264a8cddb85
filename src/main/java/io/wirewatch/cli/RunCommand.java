package io.wirewatch.cli;

import io.wirewatch.app.Wirewatch;
import io.wirewatch.config.WirewatchConfig;
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
    stopped.await();
    return 0;
  }
}
