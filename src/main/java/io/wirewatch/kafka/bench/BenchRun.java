package io.wirewatch.kafka.bench;

import io.wirewatch.alert.AlertRule;
import io.wirewatch.alert.RuleBook;
import io.wirewatch.app.Wirewatch;
import io.wirewatch.bench.MatcherBenchmark;
import io.wirewatch.bench.StageTimes;
import io.wirewatch.broker.EmbeddedKafkaBroker;
import io.wirewatch.codec.RuleJson;
import io.wirewatch.config.WirewatchConfig;
import io.wirewatch.kafka.StreamsSettings;
import io.wirewatch.kafka.Topics;
import io.wirewatch.kafka.WirewatchTopology;
import io.wirewatch.kafka.alert.RuleCatalog;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One benchmark run on a fresh embedded broker: the pass-through floor, wirewatch end to end at
 * full speed and at half that rate, the rule matcher against plain Lucene Monitor, side by side,
 * and each stage of the pipeline alone in one thread.
 */
public final class BenchRun {

  private static final Logger LOG = LoggerFactory.getLogger(BenchRun.class);
  private static final int PARTITIONS = 4;

  /**
   * The articles each stage is timed on alone, as many as the matcher comparison's: at the default
   * workload 3 warm-up and 5 measured passes took 53 s of the run at load 9 to 13 (about 2.5 ms of
   * CPU an article per pass: alone, then all four again), 2026-12-02.
   */
  static final int STAGE_ARTICLES = 1000;

  /**
   * Fewer warm-up passes than the matcher comparison's five: the pipeline has run the same code by
   * then, and the first warm-up pass of the default workload was already within the measured
   * passes' range for every stage (2026-12-02).
   */
  static final MatcherBenchmark.Iterations STAGE_ITERATIONS = new MatcherBenchmark.Iterations(2, 5);

  /** What to run. */
  public record Options(
      int articles,
      int rules,
      int entities,
      double duplicates,
      long seed,
      String nameFinder,
      int warmUpArticles) {}

  /** What was measured; field names are those of the contract's --json keys. */
  public record Report(
      Options options,
      ThroughputProbe.Measured endToEnd,
      ThroughputProbe.Measured halfRate,
      Floor passThrough,
      MatcherBenchmark.Result matcher,
      StageTimes stages,
      Map<String, Double> recordsPerArticle,
      double drainedSeconds,
      double heapMaxMb,
      double heapAfterGcMaxMb,
      double pipelineHeapMaxMb,
      double pipelineHeapAfterGcMaxMb,
      double rssMaxMb,
      double cpuCoresUsed,
      double cpuMsPerArticle,
      double stateMb,
      String machine) {}

  /**
   * The pass-through topology's figures: its top rate, its latency at half that rate, and the CPU
   * the whole process spends per record at the top rate (bench producer and consumer, broker and
   * Streams). Every article the pipeline takes costs at least that much, so with the matcher's own
   * CPU it tells how far a target rate is possible on this machine at all.
   */
  public record Floor(
      ThroughputProbe.Measured fullSpeed,
      ThroughputProbe.Measured halfRate,
      double cpuMsPerArticle) {}

  private BenchRun() {}

  public static Report run(Options o) throws Exception {
    Path dir = Files.createTempDirectory("wirewatch-bench-");
    try {
      return run(o, dir);
    } finally {
      // the broker's logs and the state stores: 1 to 3 GB a run, which filled the disk after
      // sixty runs while nothing removed them
      deleteRecursively(dir);
    }
  }

  private static Report run(Options o, Path dir) throws Exception {
    LOG.info("building the workload: {}", o);
    BenchWorkload work =
        new BenchWorkload(o.articles(), o.rules(), o.entities(), o.duplicates(), o.seed());
    try (ResourceSampler sampler = new ResourceSampler();
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dir.resolve("kafka"), 0).start()) {
      String bootstrap = broker.bootstrapServers();
      ThroughputProbe probe = new ThroughputProbe(bootstrap);

      LOG.info("pass-through floor: {} records", work.values.size());
      Floor passThrough = passThrough(bootstrap, dir, probe, work, o.warmUpArticles());

      // WIREWATCH_* environment variables still apply: settings can be compared run against run
      WirewatchConfig config =
          WirewatchConfig.load(List.of(), System.getenv())
              .with(WirewatchConfig.BOOTSTRAP_SERVERS.key(), bootstrap)
              .with(WirewatchConfig.APPLICATION_ID.key(), "wirewatch-bench")
              .with(WirewatchConfig.STATE_DIR.key(), dir.resolve("state").toString())
              .with(WirewatchConfig.TOPIC_PARTITIONS.key(), String.valueOf(PARTITIONS))
              .with(WirewatchConfig.ENTITIES_NAME_FINDER.key(), o.nameFinder());
      ThroughputProbe.Measured endToEnd;
      ThroughputProbe.Measured halfRate;
      Map<String, Double> recordsPerArticle;
      double cpuMsPerArticle;
      double drainedSeconds;
      double cpuBefore = ResourceSampler.cpuSeconds();
      long wallBefore = System.nanoTime();
      try (Wirewatch app = Wirewatch.start(config, false, work.entities)) {
        app.awaitRunning(Duration.ofMinutes(3));
        sendRules(bootstrap, work.rules);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (app.rules().book().size() < work.rules.size() && System.nanoTime() < deadline) {
          Thread.sleep(200);
        }
        TopicTally tally = new TopicTally(bootstrap);
        if (o.warmUpArticles() > 0) {
          warmUp(probe, tally, work.warmUp(o.warmUpArticles()));
        }
        LOG.info(
            "end to end at full speed: {} articles, {} rules",
            work.values.size(),
            app.rules().book().size());
        Map<String, Long> offsetsBefore = tally.endOffsets();
        double cpuAtStart = ResourceSampler.cpuSeconds();
        long started = System.nanoTime();
        endToEnd =
            probe.run(
                Topics.RAW.name(),
                work.keys,
                work.values,
                Topics.ENRICHED.name(),
                Topics.ALERTS.name(),
                0,
                Duration.ofMinutes(10));
        cpuMsPerArticle = (ResourceSampler.cpuSeconds() - cpuAtStart) * 1000 / work.values.size();
        // the dashboard's counts may trail the articles and alerts: wait until every topic is still
        TopicTally.Quiet quiet =
            tally.endOffsetsOnceQuiet(Duration.ofSeconds(3), Duration.ofMinutes(3));
        drainedSeconds = (quiet.lastGrowthNanos() - started) / 1e9;
        recordsPerArticle =
            TopicTally.perArticle(offsetsBefore, quiet.offsets(), work.values.size());
        int latencyArticles =
            (int) Math.min(work.values.size() / 2, endToEnd.perSecond() * 0.5 * 30);
        BenchWorkload second = work.fresh("latency", Math.max(100, latencyArticles));
        LOG.info(
            "end to end at half speed: {} articles at {}/s",
            second.values.size(),
            endToEnd.perSecond() / 2);
        halfRate =
            probe.run(
                Topics.RAW.name(),
                second.keys,
                second.values,
                Topics.ENRICHED.name(),
                Topics.ALERTS.name(),
                endToEnd.perSecond() / 2,
                Duration.ofMinutes(5));
      }
      double cores =
          (ResourceSampler.cpuSeconds() - cpuBefore) / ((System.nanoTime() - wallBefore) / 1e9);
      double stateMb = directoryMb(dir.resolve("state"));
      // the pipeline's own figures: the matcher comparison below fills the heap with its own rules
      double pipelineHeapMb = sampler.peakHeapMb();
      double pipelineHeapAfterGcMb = sampler.peakHeapAfterGcMb();
      LOG.info("matcher against plain Lucene Monitor: {} rules", o.rules());
      // ten passes (five to warm up, five measured) over at most 1,000 articles, as
      // bin/bench-matcher does: about half a minute at 10,000 rules, mostly plain Monitor's
      MatcherBenchmark.Result matcher =
          MatcherBenchmark.run(o.rules(), Math.min(1000, o.articles()), o.seed());
      StageTimes stages = stagesAlone(config, work, Math.min(STAGE_ARTICLES, o.articles()));
      return new Report(
          o,
          endToEnd,
          halfRate,
          passThrough,
          matcher,
          stages,
          recordsPerArticle,
          drainedSeconds,
          sampler.peakHeapMb(),
          sampler.peakHeapAfterGcMb(),
          pipelineHeapMb,
          pipelineHeapAfterGcMb,
          ResourceSampler.peakRssMb(),
          cores,
          cpuMsPerArticle,
          stateMb,
          machine());
    }
  }

  /**
   * Each stage alone in this thread, then all four in sequence, on a sample of the workload's mix:
   * with the tagger, dedup settings and rule book made as the pipeline makes them, anew, after the
   * pipeline has stopped.
   */
  private static StageTimes stagesAlone(WirewatchConfig config, BenchWorkload work, int articles)
      throws IOException {
    long started = System.nanoTime();
    BenchWorkload sample = work.sample("stages", articles);
    try (RuleBook book = new RuleBook()) {
      book.putAll(work.rules);
      WirewatchTopology.Stages stages =
          Wirewatch.stages(config, new RuleCatalog(book), work.entities);
      LOG.info(
          "each stage alone and all four in sequence, one thread: {} articles, {} rules",
          sample.values.size(),
          book.size());
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      // the records' timestamp stands for when they arrived, as the producer's does
      StageTimes times =
          PipelineStages.chain(sample.values, stages, book, Instant.now())
              .measure(STAGE_ITERATIONS, threads::getCurrentThreadCpuTime);
      LOG.info("stages measured in {} s", (System.nanoTime() - started) / 1_000_000_000);
      return times;
    }
  }

  /**
   * Sends the warm-up batch through the whole pipeline and waits until every topic is still, so
   * that the measured phase starts with compiled code and no trailing records of the warm-up. In a
   * short run the JIT compilers otherwise take about a quarter of the process's CPU: 27% of the
   * full-speed phase of 8,000 articles (per-thread CPU from /proc, 2026-12-02), a cost a
   * long-running pipeline pays once.
   */
  private static void warmUp(ThroughputProbe probe, TopicTally tally, BenchWorkload warm)
      throws Exception {
    LOG.info("warm-up: {} articles published a month before the measured ones", warm.values.size());
    probe.run(
        Topics.RAW.name(),
        warm.keys,
        warm.values,
        Topics.ENRICHED.name(),
        Topics.ALERTS.name(),
        0,
        Duration.ofMinutes(5));
    tally.endOffsetsOnceQuiet(Duration.ofSeconds(3), Duration.ofMinutes(3));
  }

  private static Floor passThrough(
      String bootstrap, Path dir, ThroughputProbe probe, BenchWorkload work, int warmUp)
      throws Exception {
    String in = "bench.passthrough.in";
    String out = "bench.passthrough.out";
    Properties admin = new Properties();
    admin.put("bootstrap.servers", bootstrap);
    try (Admin a = Admin.create(admin)) {
      a.createTopics(
              List.of(
                  new NewTopic(in, PARTITIONS, (short) 1),
                  new NewTopic(out, PARTITIONS, (short) 1)))
          .all()
          .get();
    }
    Properties p =
        StreamsSettings.of(
            WirewatchConfig.of(new Properties())
                .with(WirewatchConfig.BOOTSTRAP_SERVERS.key(), bootstrap)
                .with(WirewatchConfig.APPLICATION_ID.key(), "bench-passthrough")
                .with(WirewatchConfig.STATE_DIR.key(), dir.resolve("passthrough").toString()));
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    try (KafkaStreams streams = new KafkaStreams(PassThroughTopology.build(in, out), p)) {
      streams.start();
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      while (streams.state() != KafkaStreams.State.RUNNING && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      if (warmUp > 0) {
        // the floor gets the same warm-up as the pipeline: its first records, sent once before
        firstRecords(probe, in, out, work, warmUp, 0);
      }
      double cpuAtStart = ResourceSampler.cpuSeconds();
      ThroughputProbe.Measured full =
          probe.run(in, work.keys, work.values, out, null, 0, Duration.ofMinutes(5));
      double cpuMsPerArticle =
          (ResourceSampler.cpuSeconds() - cpuAtStart) * 1000 / work.values.size();
      // the latency of a single exactly-once hop, at half its top rate as the pipeline's is taken
      int n = (int) Math.max(100, full.perSecond() * 0.5 * 30);
      ThroughputProbe.Measured half = firstRecords(probe, in, out, work, n, full.perSecond() / 2);
      return new Floor(full, half, cpuMsPerArticle);
    }
  }

  /**
   * Sends the workload's first {@code n} records through the pass-through, at a rate or flat out.
   */
  private static ThroughputProbe.Measured firstRecords(
      ThroughputProbe probe, String in, String out, BenchWorkload work, int n, double perSecond)
      throws Exception {
    int m = Math.min(n, work.values.size());
    return probe.run(
        in,
        work.keys.subList(0, m),
        work.values.subList(0, m),
        out,
        null,
        perSecond,
        Duration.ofMinutes(5));
  }

  private static void sendRules(String bootstrap, List<AlertRule> rules) throws Exception {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 10);
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
      for (AlertRule r : rules) {
        producer.send(new ProducerRecord<>(Topics.ALERT_RULES.name(), r.id(), RuleJson.write(r)));
      }
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  LOG.warn("could not delete {}: {}", p, e.toString());
                }
              });
    } catch (IOException e) {
      LOG.warn("could not delete the bench's directory {}: {}", dir, e.toString());
    }
  }

  private static double directoryMb(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum()
          / 1048576.0;
    }
  }

  private static String machine() {
    String cpu = "unknown cpu";
    try {
      cpu =
          Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8).stream()
              .filter(l -> l.startsWith("model name"))
              .findFirst()
              .map(l -> l.substring(l.indexOf(':') + 1).trim())
              .orElse(cpu);
    } catch (IOException e) {
      // not Linux: the core count and Java version still say something
    }
    return Runtime.getRuntime().availableProcessors()
        + " cores, "
        + cpu
        + ", Java "
        + System.getProperty("java.version")
        + ", max heap "
        + Runtime.getRuntime().maxMemory() / 1048576
        + " MB";
  }
}
