package io.wirewatch.it;

import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code wirewatch run} or {@code demo} in a child JVM, so that a test can kill it with SIGKILL.
 */
final class ChildPipeline {

  private ChildPipeline() {}

  static Path writeConfig(
      Path dir, String bootstrap, String appId, String stateDir, String... extra) throws Exception {
    Path file = dir.resolve(appId + "-" + Path.of(stateDir).getFileName() + ".properties");
    StringBuilder s = new StringBuilder();
    s.append("bootstrap.servers=").append(bootstrap).append('\n');
    s.append("application.id=").append(appId).append('\n');
    s.append("state.dir=").append(stateDir).append('\n');
    s.append("wirewatch.topics.partitions=2\n");
    s.append("wirewatch.http.port=0\n");
    // the tests send their own rules, after the child has started: no sample rules before them
    s.append("wirewatch.rules.file=\n");
    for (String line : extra) {
      s.append(line).append('\n');
    }
    Files.writeString(file, s.toString());
    return file;
  }

  /** Starts {@code wirewatch run --config} and waits for its READY line. */
  static Process start(Path config, Path log) throws Exception {
    return startCommand(log, "run", "--config", config.toString());
  }

  /** Starts {@code wirewatch} with the given arguments and waits for its READY line. */
  static Process startCommand(Path log, String... args) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-cp",
                System.getProperty("java.class.path"),
                "io.wirewatch.cli.Main"));
    cmd.addAll(List.of(args));
    if (!Files.exists(log)) {
      Files.createFile(log);
    }
    long readyBefore = readyLines(log);
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              if (!p.isAlive()) {
                throw new IllegalStateException("child exited:\n" + Files.readString(log));
              }
              return readyLines(log) > readyBefore;
            });
    return p;
  }

  private static long readyLines(Path log) throws Exception {
    return Files.readAllLines(log).stream().filter(l -> l.startsWith("READY")).count();
  }
}
