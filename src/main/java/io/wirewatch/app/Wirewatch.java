package io.wirewatch.app;

import io.wirewatch.alert.RuleAdmission;
import io.wirewatch.alert.RuleBook;
import io.wirewatch.config.Home;
import io.wirewatch.config.WirewatchConfig;
import io.wirewatch.dedup.DedupSettings;
import io.wirewatch.dedup.DocumentFrequencies;
import io.wirewatch.dedup.PassageVerdictDecider;
import io.wirewatch.dedup.ShingleFingerprinter;
import io.wirewatch.entity.EntityTaggers;
import io.wirewatch.entity.KnowledgeBaseEntry;
import io.wirewatch.entity.NameFinder;
import io.wirewatch.entity.NameFinders;
import io.wirewatch.entity.NewsEntityTagger;
import io.wirewatch.http.DashboardServer;
import io.wirewatch.kafka.StreamsSettings;
import io.wirewatch.kafka.TopicAdmin;
import io.wirewatch.kafka.Topics;
import io.wirewatch.kafka.WirewatchTopology;
import io.wirewatch.kafka.alert.AlertTopology;
import io.wirewatch.kafka.alert.RuleCatalog;
import io.wirewatch.kafka.alert.RuleRefusalTopology;
import io.wirewatch.kafka.dedup.DedupTopology;
import io.wirewatch.kafka.dedup.LearnedBoilerplate;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One running wirewatch instance: the streams and the dashboard server. */
public final class Wirewatch implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Wirewatch.class);

  private final WirewatchConfig config;
  private final RuleCatalog rules;
  private final KafkaStreams streams;
  // publishes refused rules to news.alert-rules.rejected (see RuleRefusalTopology)
  private final KafkaStreams ruleRefusals;
  private DashboardServer http;

  private Wirewatch(WirewatchConfig config, RuleCatalog rules, Topology topology) {
    this.config = config;
    this.rules = rules;
    this.streams = new KafkaStreams(topology, StreamsSettings.of(config));
    Properties refusals = StreamsSettings.of(config);
    refusals.put(
        StreamsConfig.APPLICATION_ID_CONFIG,
        config.get(WirewatchConfig.APPLICATION_ID) + RuleRefusalTopology.APPLICATION_ID_SUFFIX);
    // one partition, a record per rule change: one thread is plenty
    refusals.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
    this.ruleRefusals =
        new KafkaStreams(RuleRefusalTopology.build(RuleAdmission.DEFAULT), refusals);
  }

  /** Builds the stages this configuration asks for. */
  public static WirewatchTopology.Stages stages(WirewatchConfig config, RuleCatalog rules)
      throws IOException {
    return stages(config, rules, List.of());
  }

  /** The stages, with knowledge-base entries added to those of the configured directory. */
  public static WirewatchTopology.Stages stages(
      WirewatchConfig config, RuleCatalog rules, List<KnowledgeBaseEntry> extraEntities)
      throws IOException {
    NewsEntityTagger tagger =
        EntityTaggers.fromConfigDir(
            Home.resolve(config.get(WirewatchConfig.ENTITIES_DIR)), nameFinder(config));
    if (!extraEntities.isEmpty()) {
      tagger.addAll(extraEntities);
      tagger.compact();
    }
    int partitions = config.get(WirewatchConfig.TOPIC_PARTITIONS);
    DedupSettings dedupLogic =
        DedupSettings.defaults(
            DocumentFrequencies.loadOrEmpty(
                Home.resolve(DocumentFrequencies.DEFAULT_TABLE.toString())));
    DedupTopology.Settings dedup =
        new DedupTopology.Settings(
            new ShingleFingerprinter(dedupLogic),
            new PassageVerdictDecider(dedupLogic),
            new LearnedBoilerplate(dedupLogic),
            config.get(WirewatchConfig.DEDUP_SHARDS),
            partitions,
            Duration.ofDays(config.get(WirewatchConfig.DEDUP_WINDOW_DAYS)),
            Duration.ofHours(config.get(WirewatchConfig.DEDUP_GRACE_HOURS)),
            Duration.ofMillis(config.get(WirewatchConfig.DEDUP_SETTLE_MS)));
    AlertTopology.Settings alerts =
        new AlertTopology.Settings(
            Duration.ofDays(config.get(WirewatchConfig.ALERT_STORY_WINDOW_DAYS)),
            Duration.ofMinutes(config.get(WirewatchConfig.ALERT_DIGEST_MINUTES)));
    return new WirewatchTopology.Stages(
        config.get(WirewatchConfig.MAX_BODY_CHARS),
        dedup,
        tagger,
        config.get(WirewatchConfig.ENRICHED_FORMAT).equals("json"),
        rules,
        alerts,
        // what ensureTopics creates; start() replaces it with the broker's actual count
        partitions);
  }

  private static Optional<NameFinder> nameFinder(WirewatchConfig config) {
    if (config.get(WirewatchConfig.ENTITIES_NAME_FINDER).equals("off")) {
      LOG.info("entities: statistical name finder off; knowledge base and rules only");
      return Optional.empty();
    }
    long start = System.nanoTime();
    Optional<NameFinder> finder = NameFinders.discover();
    if (finder.isPresent()) {
      LOG.info(
          "entities: name finder {} loaded in {} ms",
          finder.get().describe(),
          (System.nanoTime() - start) / 1_000_000);
    } else {
      LOG.info("entities: no name finder module on the class path; knowledge base and rules only");
    }
    return finder;
  }

  /** Creates missing topics, then starts the streams and the HTTP server. */
  public static Wirewatch start(WirewatchConfig config, boolean withHttp)
      throws IOException, InterruptedException, TimeoutException {
    return start(config, withHttp, List.of());
  }

  /**
   * As {@link #start(WirewatchConfig, boolean)}, with extra knowledge-base entries (the
   * benchmark's).
   */
  public static Wirewatch start(
      WirewatchConfig config, boolean withHttp, List<KnowledgeBaseEntry> extraEntities)
      throws IOException, InterruptedException, TimeoutException {
    if (withHttp) {
      // application.server = host:httpPort, so story queries reach the instance holding the story
      config = DashboardServer.advertise(config);
    }
    Properties clients = config.kafkaProperties();
    TopicAdmin.ensureTopics(
        clients,
        config.get(WirewatchConfig.TOPIC_PARTITIONS),
        config.get(WirewatchConfig.TOPIC_REPLICATION).shortValue());
    RuleCatalog rules = new RuleCatalog(new RuleBook());
    // an existing news.alerts keeps its partition count whatever the configuration says now, and
    // the dashboard's counts by rule must be batched for that count
    int alertsPartitions = TopicAdmin.partitions(clients, Topics.ALERTS.name());
    Topology topology =
        WirewatchTopology.build(
            stages(config, rules, extraEntities).withAlertsPartitions(alertsPartitions));
    Wirewatch app = new Wirewatch(config, rules, topology);
    startReplacingFailedThreads(app.streams, "stream");
    startReplacingFailedThreads(app.ruleRefusals, "rule refusal");
    if (withHttp) {
      app.http = DashboardServer.start(config, app.streams, rules);
    }
    return app;
  }

  /** Starts the streams; a thread that fails is logged and replaced, never left dead. */
  private static void startReplacingFailedThreads(KafkaStreams streams, String what) {
    streams.setUncaughtExceptionHandler(
        e -> {
          LOG.error("{} thread failed; replacing it", what, e);
          return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler
              .StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    streams.start();
  }

  /** Waits until every stream thread is RUNNING. */
  public void awaitRunning(Duration timeout) throws InterruptedException, TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (streams.state() != KafkaStreams.State.RUNNING) {
      if (streams.state() == KafkaStreams.State.ERROR
          || streams.state() == KafkaStreams.State.NOT_RUNNING) {
        throw new IllegalStateException("Kafka Streams stopped: " + streams.state());
      }
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("Kafka Streams not RUNNING after " + timeout);
      }
      Thread.sleep(100);
    }
  }

  public KafkaStreams streams() {
    return streams;
  }

  public RuleCatalog rules() {
    return rules;
  }

  public int httpPort() {
    return http == null ? -1 : http.port();
  }

  public String apiToken() {
    return http == null ? "" : http.token();
  }

  public WirewatchConfig config() {
    return config;
  }

  @Override
  public void close() {
    if (http != null) {
      http.stop();
    }
    ruleRefusals.close(Duration.ofSeconds(30));
    streams.close(Duration.ofSeconds(30));
  }
}
