package io.wirewatch.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Creates wirewatch's topics when they are missing, with their partition counts and compaction. */
public final class TopicAdmin {

  /**
   * {@code news.dashboard} is compacted, but its window keys (a minute's or an hour's count) are
   * new every minute, so compaction alone would keep every window ever counted. Records are also
   * deleted after 9 days: the longest window the dashboard shows is the 8 days of hourly counts,
   * and the live keys (leaderboards, latest alerts) are written again while articles flow.
   */
  static final Map<String, String> DASHBOARD_CONFIGS =
      Map.of(
          TopicConfig.CLEANUP_POLICY_CONFIG,
          TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE,
          TopicConfig.RETENTION_MS_CONFIG,
          String.valueOf(Duration.ofDays(9).toMillis()));

  private TopicAdmin() {}

  public static void ensureTopics(Properties clientProperties, int partitions, short replication)
      throws InterruptedException, TimeoutException {
    try (Admin admin = Admin.create(adminProperties(clientProperties))) {
      Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
      List<NewTopic> missing = new ArrayList<>();
      for (String name : Topics.ALL) {
        if (existing.contains(name)) {
          continue;
        }
        // rules and added entities are few and read whole by every instance: one partition keeps
        // their order total
        boolean global =
            name.equals(Topics.ALERT_RULES.name()) || name.equals(Topics.ENTITIES.name());
        int count = global ? 1 : partitions;
        NewTopic topic = new NewTopic(name, count, replication);
        if (name.equals(Topics.DASHBOARD.name())) {
          topic.configs(DASHBOARD_CONFIGS);
        } else if (Topics.COMPACTED.contains(name)) {
          topic.configs(
              Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        }
        missing.add(topic);
      }
      if (!missing.isEmpty()) {
        admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
      }
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException(
            "could not list or create topics: " + explain(e.getCause()), e);
      }
    }
  }

  /**
   * The partition count the topic has on the broker. A topic created a moment ago may not be known
   * yet to the broker that answers, so an unknown topic is asked about again for up to a minute.
   */
  public static int partitions(Properties clientProperties, String topic)
      throws InterruptedException, TimeoutException {
    try (Admin admin = Admin.create(adminProperties(clientProperties))) {
      return partitions(
          topic,
          Duration.ofSeconds(60),
          nanos ->
              admin
                  .describeTopics(List.of(topic))
                  .allTopicNames()
                  .get(nanos, TimeUnit.NANOSECONDS)
                  .get(topic)
                  .partitions()
                  .size());
    }
  }

  /** One request for a topic's partition count, waiting at most the given nanoseconds. */
  @FunctionalInterface
  interface PartitionCount {
    int ask(long timeoutNanos) throws ExecutionException, InterruptedException, TimeoutException;
  }

  /** {@link #partitions(Properties, String)}'s retries, apart from the admin client. */
  static int partitions(String topic, Duration patience, PartitionCount count)
      throws InterruptedException, TimeoutException {
    long deadline = System.nanoTime() + patience.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      try {
        return count.ask(Math.max(left, 0));
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
          throw new IllegalStateException(
              "could not describe topic " + topic + ": " + explain(e.getCause()), e);
        }
        long stillLeft = deadline - System.nanoTime();
        Thread.sleep(Math.min(200, Math.max(0, TimeUnit.NANOSECONDS.toMillis(stillLeft))));
        // past the deadline a last request, with no time to wait for its answer, could only time
        // out: the topic's absence is the answer to report
        if (deadline - System.nanoTime() <= 0) {
          throw new IllegalStateException(
              "could not describe topic " + topic + ": " + explain(e.getCause()), e);
        }
      } catch (TimeoutException e) {
        TimeoutException named = new TimeoutException("timed out describing topic " + topic);
        named.initCause(e);
        throw named;
      }
    }
  }

  /**
   * The client's error, plus what to check when TLS refused the connection: under TLS 1.3 a
   * rejected client certificate surfaces only as "Failed to process post-handshake messages".
   */
  static String explain(Throwable cause) {
    if (!(cause instanceof SslAuthenticationException)) {
      return cause.getMessage();
    }
    Throwable root = cause;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return "SSL handshake failed ("
        + root.getMessage()
        + "): the brokers must trust the CA that signed the certificate in ssl.keystore.location,"
        + " and ssl.truststore.location must hold the CA that signed the brokers' certificates";
  }

  private static Properties adminProperties(Properties clientProperties) {
    Properties p = new Properties();
    p.putAll(clientProperties);
    return p;
  }
}
