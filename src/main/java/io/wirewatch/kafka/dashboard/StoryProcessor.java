package io.wirewatch.kafka.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirewatch.avro.DedupVerdict;
import io.wirewatch.avro.EnrichedArticle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps every story's articles (canonical, copies and write-ups) in a store keyed by story id, for
 * the story view, and forwards a summary of the story's reach. Input is keyed by story id. Bounded
 * twice: a story keeps at most {@link #MAX_ARTICLES} articles, and a story not seen for the
 * retention (stream time) is deleted by a punctuation.
 */
public final class StoryProcessor implements Processor<String, EnrichedArticle, String, String> {

  static final int MAX_ARTICLES = 200;
  private static final int LEAD_CHARS = 400;

  private final String storeName;
  private final Duration retention;
  private ProcessorContext<String, String> context;
  private KeyValueStore<String, String> stories;

  public StoryProcessor(String storeName, Duration retention) {
    this.storeName = storeName;
    this.retention = retention;
  }

  @Override
  public void init(ProcessorContext<String, String> context) {
    this.context = context;
    this.stories = context.getStateStore(storeName);
    context.schedule(Duration.ofMinutes(10), PunctuationType.STREAM_TIME, this::expire);
  }

  @Override
  public void process(Record<String, EnrichedArticle> record) {
    EnrichedArticle a = record.value();
    if (record.key() == null || a == null) {
      return;
    }
    String existing = stories.get(record.key());
    ObjectNode story =
        existing == null ? newStory(record.key(), record.timestamp()) : Json.read(existing);
    ArrayNode articles = (ArrayNode) story.get("articles");
    boolean known = false;
    for (JsonNode n : articles) {
      known |= n.path("id").asText().equals(a.getId());
    }
    if (!known) {
      if (articles.size() < MAX_ARTICLES) {
        articles.add(article(a, record.timestamp()));
      } else {
        story.put("omitted", story.path("omitted").asInt() + 1);
      }
    }
    story.put("lastSeen", Math.max(story.path("lastSeen").asLong(), record.timestamp()));
    stories.put(record.key(), Json.write(story));
    context.forward(record.withValue(Json.write(summary(story))));
  }

  /**
   * The article with only what the story view shows: the body cut just past the lead, no entities
   * or warnings. Sent through the repartition by story instead of the whole article, it makes the
   * same story entry at a fraction of the bytes.
   */
  public static EnrichedArticle compact(EnrichedArticle a) {
    String body = a.getBody();
    return EnrichedArticle.newBuilder(a)
        .setBody(body.length() <= LEAD_CHARS + 1 ? body : body.substring(0, LEAD_CHARS + 1))
        .setEntities(List.of())
        .setWarnings(List.of())
        .setAuthors(List.of())
        .build();
  }

  private static ObjectNode newStory(String storyId, long timestamp) {
    ObjectNode s = Json.object();
    s.put("storyId", storyId);
    s.put("firstSeen", timestamp);
    s.put("lastSeen", timestamp);
    s.putArray("articles");
    return s;
  }

  private static ObjectNode article(EnrichedArticle a, long timestamp) {
    ObjectNode o = Json.object();
    o.put("id", a.getId());
    o.put("title", a.getTitle());
    o.put("source", a.getSource());
    o.put("url", a.getUrl());
    o.put("language", a.getLanguage());
    o.put("publishedAt", a.getPublishedAt());
    o.put("seenAt", Instant.ofEpochMilli(timestamp).toString());
    DedupVerdict d = a.getDedup();
    o.put("status", d == null ? "UNIQUE" : d.getStatus());
    o.put("canonicalId", d == null ? a.getId() : d.getCanonicalId());
    o.put("similarity", d == null ? 0 : Math.round(d.getSimilarity() * 1000) / 1000.0);
    String body = a.getBody();
    o.put("lead", body.length() <= LEAD_CHARS ? body : body.substring(0, LEAD_CHARS) + "…");
    return o;
  }

  /** The story as the dashboard ranks it: its reach is distinct sources, then articles. */
  static ObjectNode summary(ObjectNode story) {
    ArrayNode articles = (ArrayNode) story.get("articles");
    Set<String> sources = new HashSet<>();
    int copies = 0;
    for (JsonNode n : articles) {
      sources.add(n.path("source").asText("(unknown)"));
      copies += n.path("status").asText().equals("UNIQUE") ? 0 : 1;
    }
    JsonNode first = articles.get(0);
    ObjectNode s = Json.object();
    s.put("type", "story");
    s.put("id", story.get("storyId").asText());
    s.put("title", first.path("title").asText(first.path("lead").asText()));
    s.put("canonicalId", first.path("id").asText());
    s.put("sources", sources.size());
    s.put("articles", articles.size() + story.path("omitted").asInt());
    s.put("copies", copies);
    s.put("firstSeen", Instant.ofEpochMilli(story.get("firstSeen").asLong()).toString());
    s.put("lastSeen", Instant.ofEpochMilli(story.get("lastSeen").asLong()).toString());
    s.put("lastSeenMs", story.get("lastSeen").asLong());
    return s;
  }

  private void expire(long streamTime) {
    long cutoff = streamTime - retention.toMillis();
    List<String> old = new ArrayList<>();
    try (KeyValueIterator<String, String> it = stories.all()) {
      while (it.hasNext()) {
        KeyValue<String, String> kv = it.next();
        if (Json.read(kv.value).path("lastSeen").asLong() < cutoff) {
          old.add(kv.key);
        }
      }
    }
    old.forEach(stories::delete);
  }
}
