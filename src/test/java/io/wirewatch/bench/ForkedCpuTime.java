package io.wirewatch.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@link DedupCpuTime} in {@code N} fresh JVMs, one after the other, as JMH forks: each JVM
 * compiles and lays out the code its own way, and the machine's speed drifts between minutes, so
 * the median over forks is the figure and the lowest and highest show what one JVM alone could have
 * said. The forks get this JVM's own flags (those {@code bin/bench-dedup} starts it with), so they
 * measure as a run without forks does; this JVM only waits for them.
 */
final class ForkedCpuTime {

  private ForkedCpuTime() {}

  static void run(CpuBenchOptions options, List<String> args) {
    List<String> jvmFlags = ManagementFactory.getRuntimeMXBean().getInputArguments();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmFlags);
    command.addAll(List.of("-cp", System.getProperty("java.class.path")));
    command.add(DedupCpuTime.class.getName());
    command.addAll(options.forkArguments());
    List<Map<String, Double>> medians = new ArrayList<>();
    List<Map<String, Double>> setups = new ArrayList<>();
    List<Double> seconds = new ArrayList<>();
    List<Double> load = new ArrayList<>();
    for (int f = 1; f <= options.forks(); f++) {
      load.add(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      System.out.printf(
          Locale.ROOT,
          "%n== fork %d of %d, %s UTC, load %.1f%n",
          f,
          options.forks(),
          Instant.now().toString().substring(11, 19),
          load.get(f - 1));
      long start = System.nanoTime();
      ForkReport report = runFork(command, f);
      seconds.add((System.nanoTime() - start) / 1e9);
      medians.add(report.medians());
      setups.add(report.setupSeconds());
    }
    ForkSummary summary = ForkSummary.of(medians);
    String commandLine = "bin/bench-dedup cpu " + String.join(" ", args);
    System.out.printf(
        Locale.ROOT,
        "%n%d forks of %s, one after the other, each in its own JVM (%s)%n",
        options.forks(),
        commandLine,
        String.join(" ", jvmFlags));
    summary.table().forEach(System.out::println);
    System.out.printf(
        Locale.ROOT,
        "each fork's wall time %s s, of which its indexes' setups %s s%n",
        new Spread(seconds).each(),
        setups.stream()
            .map(
                fork ->
                    fork.values().stream()
                        .map(v -> String.format(Locale.ROOT, "%.0f", v))
                        .collect(Collectors.joining("+")))
            .collect(Collectors.joining(" ")));
    if (options.json().isPresent()) {
      String json =
          ForkSummaryJson.json(
              summary,
              new ForkSummaryJson.RunFacts(
                  Instant.now(),
                  commandLine,
                  jvmDescription(),
                  jvmFlags,
                  options,
                  seconds,
                  setups,
                  load));
      try {
        Files.writeString(options.json().get(), json, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("could not write " + options.json().get(), e);
      }
      System.out.println("summary written to " + options.json().get());
    }
  }

  /** Runs one fork to its end, passing its lines for people through and keeping its report. */
  private static ForkReport runFork(List<String> command, int fork) {
    ForkReport report = new ForkReport();
    Process process;
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
      // the command line already holds these variables' options (they are among this JVM's input
      // arguments): inherited too, a profiler agent would load twice in each fork
      builder.environment().remove("JAVA_TOOL_OPTIONS");
      builder.environment().remove("JDK_JAVA_OPTIONS");
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start fork " + fork, e);
    }
    // a fork stopped with this JVM (Ctrl-C) would otherwise go on using a core for minutes
    Thread stopFork = new Thread(process::destroy);
    Runtime.getRuntime().addShutdownHook(stopFork);
    try {
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          if (!report.accept(line)) {
            System.out.println(line.isEmpty() ? line : "[fork " + fork + "] " + line);
          }
        }
      }
      int exit = process.waitFor();
      if (exit != 0) {
        throw new IllegalStateException("fork " + fork + " failed (exit code " + exit + ")");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not run fork " + fork, e);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while fork " + fork + " ran", e);
    } finally {
      Runtime.getRuntime().removeShutdownHook(stopFork);
    }
    return report;
  }

  private static String jvmDescription() {
    return System.getProperty("java.vm.name")
        + " "
        + System.getProperty("java.runtime.version")
        + " ("
        + System.getProperty("java.vm.vendor")
        + ")";
  }
}
