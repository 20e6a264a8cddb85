package io.wirewatch.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * wirewatch's configuration. Keys starting with {@code wirewatch.} are wirewatch's own (the
 * constants below); every other key is passed to the Kafka clients and Kafka Streams as it is,
 * which is how security settings ({@code security.protocol}, {@code sasl.jaas.config}, ...) reach
 * them.
 */
public final class WirewatchConfig {

  public static final Setting<String> BOOTSTRAP_SERVERS =
      Setting.text("bootstrap.servers", "localhost:9092", "Kafka bootstrap servers.");
  public static final Setting<String> APPLICATION_ID =
      Setting.text("application.id", "wirewatch", "Kafka Streams application id (consumer group).");
  public static final Setting<Integer> TOPIC_PARTITIONS =
      Setting.positiveInt(
          "wirewatch.topics.partitions", 4, "Partitions of the topics wirewatch creates.");
  public static final Setting<Integer> TOPIC_REPLICATION =
      Setting.positiveInt(
          "wirewatch.topics.replication", 1, "Replication factor of the topics wirewatch creates.");
  public static final Setting<Integer> MAX_BODY_CHARS =
      Setting.positiveInt(
          "wirewatch.article.max.body.chars",
          512 * 1024,
          "Longest accepted body (TOO_LARGE above).");
  public static final Setting<Integer> DEDUP_WINDOW_DAYS =
      Setting.positiveInt(
          "wirewatch.dedup.window.days",
          7,
          "Event-time window in which copies are found; older index entries expire.");
  public static final Setting<Integer> DEDUP_GRACE_HOURS =
      Setting.positiveInt(
          "wirewatch.dedup.grace.hours",
          24,
          "How late an article may arrive and still be indexed.");
  public static final Setting<Integer> DEDUP_SHARDS =
      Setting.positiveInt(
          "wirewatch.dedup.shards",
          8,
          "Index shards an article's keys are grouped into (records per article per lookup).");
  public static final Setting<Integer> DEDUP_SETTLE_MS =
      Setting.positiveInt(
          "wirewatch.dedup.settle.ms",
          750,
          "The least time articles wait to be taken in event-time order before fingerprinting;"
              + " also how long an input partition without articles takes to stop holding the"
              + " watermark back (latency for determinism).");
  public static final Setting<Integer> ALERT_STORY_WINDOW_DAYS =
      Setting.positiveInt(
          "wirewatch.alerts.story.window.days",
          14,
          "How long a FIRST_PER_STORY rule remembers that it alerted on a story.");
  public static final Setting<Integer> ALERT_DIGEST_MINUTES =
      Setting.positiveInt(
          "wirewatch.alerts.digest.minutes",
          60,
          "Window of DIGEST rules, in minutes of wall-clock time from its first match: a digest goes"
              + " out on the clock, also when the news flow stops.");
  public static final Setting<String> ENRICHED_FORMAT =
      new Setting<>(
          "wirewatch.enriched.format",
          "avro",
          s -> s,
          v -> v.equals("avro") || v.equals("json"),
          "Value format of news.articles.enriched: avro (single-object) or json.");
  public static final Setting<String> ENTITIES_DIR =
      Setting.text(
          "wirewatch.entities.dir", "config/entities", "Directory of knowledge-base TSV files.");
  public static final Setting<String> ENTITIES_NAME_FINDER =
      new Setting<>(
          "wirewatch.entities.name.finder",
          "auto",
          s -> s,
          v -> v.equals("auto") || v.equals("off"),
          "Statistical name finder: auto (use a module found on the class path, such as"
              + " extensions/corenlp) or off (knowledge base and rules only).");
  public static final Setting<String> RULES_FILE =
      Setting.text(
          "wirewatch.rules.file",
          "config/alert-rules.yaml",
          "Rules loaded into news.alert-rules on first start, when the topic is empty.");
  public static final Setting<Integer> HTTP_PORT =
      Setting.port(
          "wirewatch.http.port", 8080, "Port of the dashboard and API (0: any free port).");
  public static final Setting<String> API_TOKEN =
      Setting.text(
          "wirewatch.api.token", "", "Token required to change rules over HTTP; empty: generated.");
  public static final Setting<String> HTTP_READ_TOKEN =
      Setting.text(
          "wirewatch.http.read.token",
          "",
          "Token required to read dashboard data and stories over HTTP; empty: open.");
  public static final Setting<String> HTTP_ADVERTISED_HOST =
      Setting.text(
          "wirewatch.http.advertised.host",
          "localhost",
          "Host name other instances use to forward story queries to this instance.");
  public static final Setting<String> STATE_DIR =
      Setting.text("state.dir", "/tmp/wirewatch-streams", "Kafka Streams state directory.");

  public static final List<Setting<?>> ALL =
      List.of(
          BOOTSTRAP_SERVERS,
          APPLICATION_ID,
          TOPIC_PARTITIONS,
          TOPIC_REPLICATION,
          MAX_BODY_CHARS,
          DEDUP_WINDOW_DAYS,
          DEDUP_GRACE_HOURS,
          DEDUP_SHARDS,
          DEDUP_SETTLE_MS,
          ALERT_STORY_WINDOW_DAYS,
          ALERT_DIGEST_MINUTES,
          ENRICHED_FORMAT,
          ENTITIES_DIR,
          ENTITIES_NAME_FINDER,
          RULES_FILE,
          HTTP_PORT,
          API_TOKEN,
          HTTP_READ_TOKEN,
          HTTP_ADVERTISED_HOST,
          STATE_DIR);

  /**
   * Keys whose values are never printed: passwords, JAAS configs (which embed passwords), secrets
   * and tokens, whatever their prefix ({@code ssl.key.password}, {@code listener.name...}).
   */
  private static final Pattern SECRET_KEY =
      Pattern.compile("(?i).*(password|secret|token|sasl\\.jaas\\.config|credential).*");

  private static final String ENVIRONMENT_PREFIX = "WIREWATCH_";

  /** Read by {@code bin/wirewatch}, not by the application. */
  private static final Set<String> LAUNCHER_VARIABLES = Set.of("WIREWATCH_JAVA_OPTS");

  private final Properties properties;

  private WirewatchConfig(Properties properties) {
    this.properties = properties;
    for (Setting<?> s : ALL) {
      get(s);
    }
  }

  /** Defaults, then each file in order, then {@code WIREWATCH_*} environment variables. */
  public static WirewatchConfig load(List<Path> files, Map<String, String> environment)
      throws IOException {
    Properties p = new Properties();
    for (Path file : files) {
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        p.load(r);
      }
    }
    Map<String, String> settingsByVariable = new HashMap<>();
    for (Setting<?> s : ALL) {
      settingsByVariable.put(s.environmentVariable(), s.key());
    }
    for (Map.Entry<String, String> variable : new TreeMap<>(environment).entrySet()) {
      String key = keyOf(variable.getKey(), settingsByVariable);
      if (key != null) {
        p.setProperty(key, variable.getValue());
      }
    }
    return new WirewatchConfig(p);
  }

  /**
   * The key a {@code WIREWATCH_*} environment variable sets, or null: one of wirewatch's settings,
   * else a Kafka client or Streams key, whose dots the variable spells as underscores ({@code
   * WIREWATCH_SASL_JAAS_CONFIG} is {@code sasl.jaas.config}). Kafka's keys have no underscores, so
   * the mapping is one to one. Variables of the launcher itself are not settings.
   */
  static String keyOf(String variable, Map<String, String> settingsByVariable) {
    if (!variable.startsWith(ENVIRONMENT_PREFIX) || LAUNCHER_VARIABLES.contains(variable)) {
      return null;
    }
    String setting = settingsByVariable.get(variable);
    if (setting != null) {
      return setting;
    }
    String key =
        variable.substring(ENVIRONMENT_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
    // an unknown wirewatch.* name is a typo, not a Kafka key: left out rather than sent to Kafka
    return key.isEmpty() || key.startsWith("wirewatch.") ? null : key;
  }

  public static WirewatchConfig of(Properties properties) {
    Properties copy = new Properties();
    copy.putAll(properties);
    return new WirewatchConfig(copy);
  }

  public <T> T get(Setting<T> setting) {
    String raw = properties.getProperty(setting.key());
    if (raw == null) {
      return setting.defaultValue();
    }
    // a refused token must not end up in the start-up error that reports it
    String shown = isSecret(setting.key()) ? "[hidden]" : raw;
    T value;
    try {
      value = setting.parser().apply(raw.trim());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "bad value '" + shown + "' for " + setting.key() + ": " + setting.doc(), e);
    }
    if (!setting.validator().test(value)) {
      throw new IllegalArgumentException(
          "bad value '" + shown + "' for " + setting.key() + ": " + setting.doc());
    }
    return value;
  }

  public WirewatchConfig with(String key, String value) {
    Properties copy = new Properties();
    copy.putAll(properties);
    copy.setProperty(key, value);
    return new WirewatchConfig(copy);
  }

  /** True for keys whose values {@link #toString()} masks. */
  public static boolean isSecret(String key) {
    return SECRET_KEY.matcher(key).matches();
  }

  /**
   * Every explicitly set key, sorted, with secret values shown as {@code [hidden]} (as Kafka's own
   * config dumps do), so that logging a configuration can never leak a password.
   */
  @Override
  public String toString() {
    TreeMap<String, String> shown = new TreeMap<>();
    for (String key : properties.stringPropertyNames()) {
      shown.put(key, isSecret(key) ? "[hidden]" : properties.getProperty(key));
    }
    return "WirewatchConfig" + shown;
  }

  /** Everything that is not wirewatch's own: settings for Kafka clients and Kafka Streams. */
  public Properties kafkaProperties() {
    Properties out = new Properties();
    for (String key : properties.stringPropertyNames()) {
      if (!key.startsWith("wirewatch.")) {
        out.setProperty(key, properties.getProperty(key));
      }
    }
    out.putIfAbsent(BOOTSTRAP_SERVERS.key(), get(BOOTSTRAP_SERVERS));
    return out;
  }
}
