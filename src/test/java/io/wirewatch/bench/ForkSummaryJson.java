package io.wirewatch.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A forked {@code bin/bench-dedup cpu} run as JSON, so that a README figure can cite a committed
 * file under {@code docs/bench/} that says how it was measured, on which JVM and when.
 */
final class ForkSummaryJson {

  private static final String UNIT = ForkSummary.UNIT;
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * How a forked run was made.
   *
   * @param date when the summary was made
   * @param command the command line that reproduces the run
   * @param jvm the forks' JVM: version and vendor
   * @param jvmFlags the flags each fork was started with
   * @param options the run's options
   * @param forkSeconds each fork's wall time, start to exit, in the order run
   * @param setupSeconds each fork's setups (the index of each kind) in wall seconds
   * @param loadAtStart the machine's load average (1 minute) as each fork started
   */
  record RunFacts(
      Instant date,
      String command,
      String jvm,
      List<String> jvmFlags,
      CpuBenchOptions options,
      List<Double> forkSeconds,
      List<Map<String, Double>> setupSeconds,
      List<Double> loadAtStart) {

    RunFacts {
      loadAtStart = List.copyOf(loadAtStart);
      jvmFlags = List.copyOf(jvmFlags);
      forkSeconds = List.copyOf(forkSeconds);
      setupSeconds = List.copyOf(setupSeconds);
    }
  }

  private ForkSummaryJson() {}

  static String json(ForkSummary summary, RunFacts facts) {
    ObjectNode root = JSON.createObjectNode();
    root.put("bench", "bin/bench-dedup cpu");
    root.put("date", facts.date().toString());
    root.put("command", facts.command());
    root.put("jvm", facts.jvm());
    facts.jvmFlags().forEach(root.putArray("jvmFlags")::add);
    root.put("secondsPerRound", facts.options().seconds());
    root.put("only", facts.options().only().flag());
    root.put("forks", facts.forkSeconds().size());
    ArrayNode forkSeconds = root.putArray("forkSeconds");
    facts.forkSeconds().forEach(s -> forkSeconds.add(round(s, 1)));
    ArrayNode load = root.putArray("loadAverageAtForkStart");
    facts.loadAtStart().forEach(l -> load.add(round(l, 2)));
    ArrayNode setups = root.putArray("setupSeconds");
    for (Map<String, Double> fork : facts.setupSeconds()) {
      ObjectNode one = setups.addObject();
      fork.forEach((what, seconds) -> one.put(what, round(seconds, 1)));
    }
    ObjectNode parts = root.putObject("parts");
    summary.parts().forEach((name, spread) -> spread(parts.putObject(name), spread, 2, UNIT));
    ObjectNode ratios = root.putObject("ratiosToReference");
    summary.ratios().forEach((name, spread) -> spread(ratios.putObject(name), spread, 4, null));
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain nodes always writes", e);
    }
  }

  private static void spread(ObjectNode into, Spread spread, int decimals, String unit) {
    into.put("median", round(spread.median(), decimals));
    into.put("min", round(spread.min(), decimals));
    into.put("max", round(spread.max(), decimals));
    ArrayNode forks = into.putArray("forks");
    spread.values().forEach(v -> forks.add(round(v, decimals)));
    if (unit != null) {
      into.put("unit", unit);
    }
  }

  private static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }
}
