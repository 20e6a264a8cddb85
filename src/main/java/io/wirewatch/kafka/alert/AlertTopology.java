package io.wirewatch.kafka.alert;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirewatch.alert.AlertMode;
import io.wirewatch.avro.AlertRecord;
import io.wirewatch.avro.DigestState;
import io.wirewatch.avro.EnrichedArticle;
import io.wirewatch.codec.ArticleMapping;
import io.wirewatch.codec.JsonViews;
import io.wirewatch.kafka.AvroSerde;
import io.wirewatch.kafka.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * Keyword alerts: every enriched article is matched against every rule; EVERY alerts go straight
 * out, FIRST_PER_STORY alerts pass a per-(rule, story) gate, DIGEST alerts are gathered per
 * subscriber.
 */
public final class AlertTopology {

  /** How long the per-story gate and the digest windows last. */
  public record Settings(Duration storyWindow, Duration digestWindow) {}

  private AlertTopology() {}

  /** Builds the alert stages; returns every alert sent, for the dashboard's counts. */
  public static KStream<String, SentAlert> build(
      StreamsBuilder builder,
      KStream<String, EnrichedArticle> enriched,
      RuleCatalog catalog,
      Settings settings) {
    builder.addGlobalStore(
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(RuleStoreProcessor.STORE),
                Serdes.String(),
                Serdes.String())
            .withLoggingDisabled(),
        Topics.ALERT_RULES.name(),
        Consumed.with(Serdes.String(), Serdes.String()),
        () -> new RuleStoreProcessor(catalog));

    Map<String, KStream<String, AlertRecord>> byMode =
        enriched
            .flatMapValues(
                a ->
                    catalog.book().match(ArticleMapping.toMatchable(a)).stream()
                        .map(m -> AlertFactory.alert(a, m, Instant.now()))
                        .toList(),
                Named.as("alerts-match"))
            .split(Named.as("alerts-"))
            .branch((k, a) -> a.getMode().equals(AlertMode.EVERY.name()), Branched.as("every"))
            .branch(
                (k, a) -> a.getMode().equals(AlertMode.FIRST_PER_STORY.name()),
                Branched.as("first-per-story"))
            .defaultBranch(Branched.as("digest"));

    KStream<String, SentAlert> every =
        send(
            byMode
                .get("alerts-every")
                .selectKey((k, a) -> a.getSubscriber(), Named.as("alerts-every-by-subscriber"))
                .mapValues(AlertTopology::sent, Named.as("alerts-every-json")),
            "alerts-every");

    builder.addStateStore(
        Stores.windowStoreBuilder(
            Stores.persistentWindowStore(
                FirstPerStoryProcessor.STORE,
                settings.storyWindow().multipliedBy(2),
                Duration.ofMillis(1),
                false),
            Serdes.String(),
            Serdes.Long()));
    KStream<String, SentAlert> firstPerStory =
        byMode
            .get("alerts-first-per-story")
            .selectKey(
                (k, a) -> a.getRuleId() + "|" + a.getStoryId(), Named.as("alerts-key-rule-story"))
            .repartition(
                Repartitioned.<String, AlertRecord>as("alerts-by-rule-story")
                    .withKeySerde(Serdes.String())
                    .withValueSerde(Topics.ALERT_RECORD))
            .process(
                () -> new FirstPerStoryProcessor(settings.storyWindow().toMillis()),
                Named.as("alerts-first-per-story-gate"),
                FirstPerStoryProcessor.STORE)
            .mapValues(AlertTopology::sent, Named.as("alerts-first-json"));
    send(firstPerStory, "alerts-first");

    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(DigestProcessor.STORE),
            Serdes.String(),
            new AvroSerde<DigestState>(DigestState.getClassSchema())));
    KStream<String, SentAlert> digests =
        byMode
            .get("alerts-digest")
            .selectKey((k, a) -> a.getSubscriber(), Named.as("alerts-key-subscriber"))
            .repartition(
                Repartitioned.<String, AlertRecord>as("alerts-by-subscriber")
                    .withKeySerde(Serdes.String())
                    .withValueSerde(Topics.ALERT_RECORD))
            .process(
                () -> new DigestProcessor(settings.digestWindow()),
                Named.as("alerts-digest-window"),
                DigestProcessor.STORE)
            .mapValues(AlertTopology::sentDigest, Named.as("alerts-digest-json"));
    send(digests, "alerts-digest");
    return every
        .merge(firstPerStory, Named.as("alerts-sent-merge-first"))
        .merge(digests, Named.as("alerts-sent-merge-digest"));
  }

  private static KStream<String, SentAlert> send(KStream<String, SentAlert> alerts, String name) {
    alerts
        .processValues(RuleHeader::new, Named.as(name + "-out"))
        .to(Topics.ALERTS.name(), Topics.ALERTS.produced());
    return alerts;
  }

  private static SentAlert sent(AlertRecord a) {
    return new SentAlert(a.getRuleId(), a.getSubscriber(), JsonViews.write(JsonViews.alert(a)));
  }

  /** A digest counts once, for its first match's rule. */
  private static SentAlert sentDigest(Digest d) {
    AlertRecord first = d.state().getAlerts().get(0);
    return new SentAlert(first.getRuleId(), d.subscriber(), digestJson(d));
  }

  /** A digest in the alert format: the first match's fields, plus every article of the window. */
  static String digestJson(Digest digest) {
    List<AlertRecord> alerts = digest.state().getAlerts();
    ObjectNode o = JsonViews.alert(alerts.get(0));
    o.put("mode", AlertMode.DIGEST.name());
    o.put("windowStart", Instant.ofEpochMilli(digest.windowStart()).toString());
    o.put("windowEnd", Instant.ofEpochMilli(digest.windowEnd()).toString());
    o.put("count", digest.state().getTotal());
    o.put("alertedAt", Instant.ofEpochMilli(digest.windowEnd()).toString());
    ArrayNode articles = o.putArray("articles");
    for (AlertRecord a : alerts) {
      ObjectNode item = articles.addObject();
      item.put("ruleId", a.getRuleId());
      item.put("articleId", a.getArticleId());
      item.put("storyId", a.getStoryId());
      if (a.getTitle() != null) {
        item.put("title", a.getTitle());
      }
      if (a.getUrl() != null) {
        item.put("url", a.getUrl());
      }
      if (a.getSource() != null) {
        item.put("source", a.getSource());
      }
      item.put("snippet", a.getSnippet());
    }
    return JsonViews.write(o);
  }
}
