package io.wirewatch.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirewatch.bench.StageTimes;
import io.wirewatch.codec.JsonViews;
import io.wirewatch.kafka.bench.BenchRun;
import io.wirewatch.kafka.bench.ThroughputProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;

/**
 * {@code wirewatch bench}: the benchmark workload on an embedded broker, with the pass-through
 * floor, plain Lucene Monitor and each stage alone in one thread measured in the same run. Prints a
 * table; {@code --json} writes the contract's keys and more.
 */
final class BenchCommand {

  static final int DEFAULT_WARM_UP = 2_000;

  /** The end-to-end rate the benchmark's targets ask of the default workload, articles/s. */
  static final double TARGET_ARTICLES_PER_SECOND = 2_000;

  private BenchCommand() {}

  static int run(String[] argv) throws Exception {
    Args args =
        new Args(
            argv,
            1,
            Set.of(
                "articles",
                "rules",
                "entities",
                "duplicates",
                "json",
                "seed",
                "name-finder",
                "warmup"),
            Set.of());
    double duplicates;
    try {
      duplicates = Double.parseDouble(args.get("duplicates", "0.2"));
    } catch (NumberFormatException e) {
      throw new Args.UsageException("--duplicates must be a fraction such as 0.2");
    }
    if (duplicates < 0 || duplicates >= 1) {
      throw new Args.UsageException("--duplicates must be at least 0 and below 1");
    }
    // Off by default: the default workload is knowledge base + rules; `--name-finder auto` adds the
    // optional CoreNLP module when it is built, to measure what it costs end to end.
    String nameFinder = args.get("name-finder", "off");
    if (!nameFinder.equals("off") && !nameFinder.equals("auto")) {
      throw new Args.UsageException("--name-finder must be auto or off");
    }
    int warmUp = args.getInt("warmup", DEFAULT_WARM_UP);
    if (warmUp < 0) {
      throw new Args.UsageException("--warmup must be 0 (none) or a number of articles");
    }
    BenchRun.Options options =
        new BenchRun.Options(
            args.getInt("articles", 20_000),
            args.getInt("rules", 10_000),
            args.getInt("entities", 100_000),
            duplicates,
            args.getInt("seed", 42),
            nameFinder,
            // a long-running pipeline is measured once its code is compiled, as JMH does
            warmUp);
    BenchRun.Report r = BenchRun.run(options);
    System.out.print(table(r));
    if (args.has("json")) {
      Files.writeString(Path.of(args.get("json", "")), JsonViews.write(json(r)) + "\n");
    }
    return 0;
  }

  static String table(BenchRun.Report r) {
    ThroughputProbe.Measured e = r.endToEnd();
    ThroughputProbe.Measured h = r.halfRate();
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            "wirewatch bench, %s: %d articles (%.0f%% copies), %d rules, %d entities,"
                + " after a warm-up of %d%n",
            LocalDate.now(),
            r.options().articles(),
            r.options().duplicates() * 100,
            r.options().rules(),
            r.options().entities(),
            r.options().warmUpArticles()));
    s.append("machine: ").append(r.machine()).append('\n');
    s.append(String.format("%-46s %12s%n", "measure", "value"));
    row(s, "end to end, articles/s (exactly-once)", e.perSecond());
    ThroughputProbe.Measured floor = r.passThrough().fullSpeed();
    row(s, "pass-through floor, records/s (same broker, EOS)", floor.perSecond());
    s.append(
        String.format("%-46s %12.3f%n", "ratio to the floor", e.perSecond() / floor.perSecond()));
    row(s, "until every topic is still, articles/s", e.records() / r.drainedSeconds());
    row(s, "alerts per article", e.alerts() / (double) e.records());
    row(s, "Kafka records written per article (all topics)", recordsPerArticle(r));
    row(s, "latency at full speed p50 ms", e.p50Ms());
    row(s, "latency at full speed p99 ms", e.p99Ms());
    row(s, "latency at half that rate p50 ms", h.p50Ms());
    row(s, "latency at half that rate p99 ms", h.p99Ms());
    row(s, "  of which to enriched output p99 ms", h.outputP99Ms());
    row(s, "matcher alone, articles/s", r.matcher().articlesPerSecond());
    row(s, "plain Lucene Monitor, articles/s", r.matcher().monitorArticlesPerSecond());
    row(s, "matcher / Lucene Monitor", r.matcher().ratio());
    s.append(String.format("%-46s %12s%n", "identical match sets", r.matcher().identicalMatches()));
    row(s, "rule registration s", r.matcher().registrationSeconds());
    row(s, "peak heap MB", r.heapMaxMb());
    row(s, "peak heap after GC MB", r.heapAfterGcMaxMb());
    row(s, "  up to the matcher comparison MB", r.pipelineHeapMaxMb());
    row(s, "  after GC, up to the matcher comparison MB", r.pipelineHeapAfterGcMaxMb());
    row(s, "peak RSS MB", r.rssMaxMb());
    row(s, "CPU cores used (end-to-end phase)", r.cpuCoresUsed());
    row(s, "CPU ms per article (full speed)", r.cpuMsPerArticle());
    s.append(
        String.format(
            "%-46s %12.3f%n",
            "  pass-through floor, CPU ms per record", r.passThrough().cpuMsPerArticle()));
    s.append(
        String.format(
            "%-46s %12.3f%n",
            "  matcher alone, CPU ms per article", r.matcher().cpuMicrosPerArticle() / 1000));
    s.append(
        String.format(
            "%-46s %12.3f%n",
            "  CPU ms per article 2,000 articles/s allow",
            cpuBudgetMs(TARGET_ARTICLES_PER_SECOND)));
    stagesTable(s, r.stages());
    row(s, "pass-through at half its rate p50 ms", r.passThrough().halfRate().p50Ms());
    row(s, "pass-through at half its rate p99 ms", r.passThrough().halfRate().p99Ms());
    row(s, "state on disk MB", r.stateMb());
    s.append(
        "Kafka records written per article, by topic (offsets, so with transaction markers):\n");
    r.recordsPerArticle().forEach((t, n) -> s.append(String.format("  %-60s %8.2f%n", t, n)));
    return s.toString();
  }

  /** Each stage alone in one thread, all four in one loop, and the stages' sum. */
  private static void stagesTable(StringBuilder s, StageTimes t) {
    s.append(
        String.format(
            "each stage alone, one thread, %d articles, median of %d passes after %d:%n",
            t.all().articles(), t.iterations().measured(), t.iterations().warmup()));
    s.append(String.format("  %-44s %12s %12s%n", "stage", "articles/s", "CPU ms/art"));
    for (StageTimes.Stage stage : t.stages()) {
      stageRow(s, stage.name(), stage.articlesPerSecond(), stage.cpuMsPerArticle());
    }
    stageRow(s, "sum of the stages alone", t.sumArticlesPerSecond(), t.sumCpuMsPerArticle());
    stageRow(
        s,
        "all four in sequence, one loop",
        t.all().articlesPerSecond(),
        t.all().cpuMsPerArticle());
  }

  private static void stageRow(StringBuilder s, String name, double perSecond, double cpuMs) {
    s.append(String.format("  %-44s %12.1f %12.3f%n", name, perSecond, cpuMs));
  }

  private static void row(StringBuilder s, String name, double value) {
    s.append(String.format("%-46s %12.1f%n", name, value));
  }

  static ObjectNode json(BenchRun.Report r) {
    ObjectNode o = JsonViews.MAPPER.createObjectNode();
    ObjectNode e = o.putObject("endToEnd");
    e.put("articlesPerSecond", round(r.endToEnd().perSecond()));
    e.put("p50Ms", r.halfRate().p50Ms());
    e.put("p99Ms", r.halfRate().p99Ms());
    e.put("latencyMeasuredAtArticlesPerSecond", round(r.endToEnd().perSecond() / 2));
    e.put("fullSpeedP50Ms", r.endToEnd().p50Ms());
    e.put("fullSpeedP99Ms", r.endToEnd().p99Ms());
    e.put("enrichedOutputP50Ms", r.halfRate().outputP50Ms());
    e.put("enrichedOutputP99Ms", r.halfRate().outputP99Ms());
    e.put("drainedArticlesPerSecond", round(r.endToEnd().records() / r.drainedSeconds()));
    e.put("alerts", r.endToEnd().alerts());
    e.put("alertsPerArticle", round(r.endToEnd().alerts() / (double) r.endToEnd().records()));
    e.put("cpuMsPerArticle", round(r.cpuMsPerArticle()));
    e.put("articles", r.endToEnd().records());
    e.put("seconds", round(r.endToEnd().seconds()));
    // the pipeline's phases only (pass-through, warm-up, full and half speed), before the matcher
    // comparison runs in the same heap
    e.put("heapMaxMb", round(r.pipelineHeapMaxMb()));
    e.put("heapAfterGcMaxMb", round(r.pipelineHeapAfterGcMaxMb()));
    ObjectNode f = o.putObject("passThrough");
    f.put("articlesPerSecond", round(r.passThrough().fullSpeed().perSecond()));
    f.put("cpuMsPerArticle", round3(r.passThrough().cpuMsPerArticle()));
    f.put("halfRateP50Ms", r.passThrough().halfRate().p50Ms());
    f.put("halfRateP99Ms", r.passThrough().halfRate().p99Ms());
    // three decimals: one left every ratio so far at 0.0
    o.put(
        "ratioToPassThrough",
        round3(r.endToEnd().perSecond() / r.passThrough().fullSpeed().perSecond()));
    ObjectNode m = o.putObject("matcher");
    m.put("articlesPerSecond", round(r.matcher().articlesPerSecond()));
    m.put("rules", r.matcher().rules());
    m.put("registrationSeconds", round(r.matcher().registrationSeconds()));
    m.put("ruleBookHeapMb", round(r.matcher().ruleBookHeapMb()));
    m.put("identicalMatches", r.matcher().identicalMatches());
    m.put("cpuMsPerArticle", round3(r.matcher().cpuMicrosPerArticle() / 1000));
    // what the end-to-end target leaves per article on this machine's cores: the floor's
    // and the matcher's CPU alone are to be set against it
    o.put("cpuMsPerArticleAllowedAt2000", round3(cpuBudgetMs(TARGET_ARTICLES_PER_SECOND)));
    ObjectNode l = o.putObject("luceneMonitor");
    l.put("articlesPerSecond", round(r.matcher().monitorArticlesPerSecond()));
    l.put("registrationSeconds", round(r.matcher().monitorRegistrationSeconds()));
    o.set("stages", stagesJson(r.stages()));
    o.put("heapMaxMb", round(r.heapMaxMb()));
    o.put("heapAfterGcMaxMb", round(r.heapAfterGcMaxMb()));
    ObjectNode records = o.putObject("kafkaRecordsPerArticle");
    r.recordsPerArticle().forEach((t, n) -> records.put(t, round(n)));
    records.put("total", round(recordsPerArticle(r)));
    o.put("rssMaxMb", round(r.rssMaxMb()));
    o.put("cpuCoresUsed", round(r.cpuCoresUsed()));
    o.put("stateMb", round(r.stateMb()));
    o.put("machine", r.machine());
    o.put("date", LocalDate.now().toString());
    ObjectNode w = o.putObject("workload");
    w.put("articles", r.options().articles());
    w.put("rules", r.options().rules());
    w.put("entities", r.options().entities());
    w.put("duplicates", r.options().duplicates());
    w.put("nameFinder", r.options().nameFinder());
    w.put("warmUpArticles", r.options().warmUpArticles());
    return o;
  }

  /**
   * {@code {"normalise": {...}, "dedup", "tag", "match", "all", "sumOfStagesAlone"}}: per core, in
   * thread CPU time, each with the articles it was given per pass.
   */
  static ObjectNode stagesJson(StageTimes t) {
    ObjectNode o = JsonViews.MAPPER.createObjectNode();
    for (StageTimes.Stage stage : t.stages()) {
      stageJson(o.putObject(stage.name()), stage.articlesPerSecond(), stage.cpuMsPerArticle())
          .put("articles", stage.articles());
    }
    stageJson(o.putObject("all"), t.all().articlesPerSecond(), t.all().cpuMsPerArticle())
        .put("articles", t.all().articles());
    stageJson(o.putObject("sumOfStagesAlone"), t.sumArticlesPerSecond(), t.sumCpuMsPerArticle())
        .put("articles", t.all().articles());
    return o;
  }

  private static ObjectNode stageJson(ObjectNode o, double perSecond, double cpuMs) {
    o.put("articlesPerSecond", round(perSecond));
    o.put("cpuMsPerArticle", round3(cpuMs));
    return o;
  }

  private static double recordsPerArticle(BenchRun.Report r) {
    return r.recordsPerArticle().values().stream().mapToDouble(Double::doubleValue).sum();
  }

  /** CPU milliseconds per article this machine's cores allow at a given rate. */
  static double cpuBudgetMs(double articlesPerSecond) {
    return Runtime.getRuntime().availableProcessors() * 1000.0 / articlesPerSecond;
  }

  private static double round3(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
