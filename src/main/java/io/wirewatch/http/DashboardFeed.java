package io.wirewatch.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirewatch.codec.JsonViews;
import io.wirewatch.kafka.Topics;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentSkipListMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tails news.dashboard (from the beginning: it is compacted, so that is the current state) and
 * news.alerts (the last few per partition, then live) with a read_committed consumer, keeps the
 * latest value of every statistic for new clients, and pushes every change to the {@link EventHub}.
 * Bounded: per-minute windows older than two hours, hourly ones older than eight days, daily ones
 * older than two days, and all but the last {@link #RECENT_ALERTS} alerts are dropped.
 */
final class DashboardFeed implements AutoCloseable {

  static final int RECENT_ALERTS = 50;
  private static final Logger LOG = LoggerFactory.getLogger(DashboardFeed.class);
  private static final long FIRST_BACKOFF_MILLIS = 1_000;
  private static final long MAX_BACKOFF_MILLIS = 30_000;
  private static final Map<String, Duration> KEEP =
      Map.of(
          "/minute/", Duration.ofHours(2),
          "/hour/", Duration.ofDays(8),
          "/day/", Duration.ofDays(2));

  private final KafkaConsumer<String, String> consumer;
  private final EventHub hub;
  private final Map<String, JsonNode> latest = new ConcurrentSkipListMap<>();
  private final Deque<JsonNode> alerts = new ArrayDeque<>();
  private final Thread thread;
  private volatile boolean running = true;

  DashboardFeed(Properties clients, EventHub hub) {
    Properties p = new Properties();
    p.putAll(clients);
    p.remove(ConsumerConfig.GROUP_ID_CONFIG);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, "wirewatch-dashboard-feed");
    this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    this.hub = hub;
    this.thread = new Thread(this::run, "wirewatch-dashboard-feed");
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** Every statistic's latest value and the recent alerts, as the page's first event. */
  String snapshot() {
    ObjectNode o = JsonViews.MAPPER.createObjectNode();
    ObjectNode stats = o.putObject("stats");
    latest.forEach(stats::set);
    ArrayNode list = o.putArray("alerts");
    synchronized (alerts) {
      alerts.forEach(list::add);
    }
    return JsonViews.write(o);
  }

  /**
   * Follows the topics until closed. A failure (the topics not there yet, a broker away for longer
   * than a timeout) is logged and followed by a fresh start after a back-off of up to 30 s, so the
   * live page comes back on its own instead of going quiet for good.
   */
  private void run() {
    long backoffMillis = FIRST_BACKOFF_MILLIS;
    try {
      while (running) {
        try {
          follow();
        } catch (WakeupException e) {
          if (!running) {
            return;
          }
          LOG.warn("dashboard feed woken up while running; starting again");
        } catch (RuntimeException e) {
          if (!running) {
            return;
          }
          LOG.error("dashboard feed failed; starting again in {} ms", backoffMillis, e);
          if (!pause(backoffMillis)) {
            return;
          }
          backoffMillis = Math.min(backoffMillis * 2, MAX_BACKOFF_MILLIS);
        }
      }
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  /** Reads the dashboard topic from its start and the alerts from near their end, until closed. */
  private void follow() {
    List<TopicPartition> dashboard = partitions(Topics.DASHBOARD.name());
    List<TopicPartition> alertPartitions = partitions(Topics.ALERTS.name());
    List<TopicPartition> all = new ArrayList<>(dashboard);
    all.addAll(alertPartitions);
    consumer.assign(all);
    consumer.seekToBeginning(dashboard);
    Map<TopicPartition, Long> ends = consumer.endOffsets(alertPartitions);
    Map<TopicPartition, Long> starts = consumer.beginningOffsets(alertPartitions);
    // the alerts are read again from here: the ones held would come twice
    synchronized (alerts) {
      alerts.clear();
    }
    for (TopicPartition tp : alertPartitions) {
      consumer.seek(tp, Math.max(starts.get(tp), ends.get(tp) - RECENT_ALERTS / 2));
    }
    while (running) {
      for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
        handle(r);
      }
      prune();
    }
  }

  /** False when interrupted, which ends the feed. */
  private static boolean pause(long millis) {
    try {
      Thread.sleep(millis);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private List<TopicPartition> partitions(String topic) {
    return consumer.partitionsFor(topic, Duration.ofSeconds(60)).stream()
        .map(i -> new TopicPartition(topic, i.partition()))
        .toList();
  }

  private void handle(ConsumerRecord<String, String> r) {
    if (r.topic().equals(Topics.ALERTS.name())) {
      JsonNode alert = parse(r.value());
      if (alert != null) {
        synchronized (alerts) {
          alerts.addFirst(alert);
          while (alerts.size() > RECENT_ALERTS) {
            alerts.removeLast();
          }
        }
        hub.publish("alert", JsonViews.write(alert));
      }
      return;
    }
    if (r.key() == null) {
      return;
    }
    ObjectNode update = JsonViews.MAPPER.createObjectNode();
    update.put("key", r.key());
    JsonNode value = r.value() == null ? null : parse(r.value());
    if (value == null) {
      latest.remove(r.key());
      update.putNull("value");
    } else if (!expired(r.key(), value, Instant.now())) {
      latest.put(r.key(), value);
      update.set("value", value);
    } else {
      return;
    }
    hub.publish("stat", JsonViews.write(update));
  }

  private void prune() {
    Instant now = Instant.now();
    latest.entrySet().removeIf(e -> expired(e.getKey(), e.getValue(), now));
  }

  static boolean expired(String key, JsonNode value, Instant now) {
    JsonNode start = value.get("windowStart");
    if (start == null) {
      return false;
    }
    for (Map.Entry<String, Duration> keep : KEEP.entrySet()) {
      if (key.contains(keep.getKey())) {
        return Instant.parse(start.asText()).isBefore(now.minus(keep.getValue()));
      }
    }
    return false;
  }

  private static JsonNode parse(String json) {
    if (json == null) {
      return null;
    }
    try {
      return JsonViews.MAPPER.readTree(json);
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
