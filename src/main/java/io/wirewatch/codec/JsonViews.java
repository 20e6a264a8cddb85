package io.wirewatch.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirewatch.avro.AlertMatch;
import io.wirewatch.avro.AlertRecord;
import io.wirewatch.avro.DedupVerdict;
import io.wirewatch.avro.EnrichedArticle;
import io.wirewatch.avro.Entity;
import io.wirewatch.avro.Mention;
import java.io.UncheckedIOException;

/** The JSON forms of the contract: enriched articles as {@code consume} prints them, and alerts. */
public final class JsonViews {

  public static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonViews() {}

  public static ObjectNode enriched(EnrichedArticle e) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("id", e.getId());
    putIfPresent(o, "url", e.getUrl());
    putIfPresent(o, "source", e.getSource());
    putIfPresent(o, "publishedAt", e.getPublishedAt());
    putIfPresent(o, "language", e.getLanguage());
    putIfPresent(o, "title", e.getTitle());
    o.put("body", e.getBody());
    if (!e.getAuthors().isEmpty()) {
      ArrayNode authors = o.putArray("authors");
      e.getAuthors().forEach(authors::add);
    }
    DedupVerdict d = e.getDedup();
    if (d != null) {
      ObjectNode dedup = o.putObject("dedup");
      dedup.put("status", d.getStatus());
      dedup.put("canonicalId", d.getCanonicalId());
      dedup.put("similarity", Math.round(d.getSimilarity() * 1000) / 1000.0);
      dedup.put("storyId", d.getStoryId());
    }
    ArrayNode entities = o.putArray("entities");
    for (Entity entity : e.getEntities()) {
      ObjectNode en = entities.addObject();
      en.put("id", entity.getId());
      en.put("name", entity.getName());
      en.put("type", entity.getType());
      en.put("salience", Math.round(entity.getSalience() * 1000) / 1000.0);
      ArrayNode mentions = en.putArray("mentions");
      for (Mention m : entity.getMentions()) {
        mentions
            .addObject()
            .put("text", m.getText())
            .put("start", m.getStart())
            .put("end", m.getEnd());
      }
    }
    ArrayNode warnings = o.putArray("warnings");
    e.getWarnings().forEach(warnings::add);
    return o;
  }

  public static ObjectNode alert(AlertRecord a) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("ruleId", a.getRuleId());
    o.put("subscriber", a.getSubscriber());
    o.put("mode", a.getMode());
    o.put("articleId", a.getArticleId());
    o.put("storyId", a.getStoryId());
    putIfPresent(o, "title", a.getTitle());
    putIfPresent(o, "url", a.getUrl());
    putIfPresent(o, "source", a.getSource());
    putIfPresent(o, "publishedAt", a.getPublishedAt());
    ArrayNode matches = o.putArray("matches");
    for (AlertMatch m : a.getMatches()) {
      matches
          .addObject()
          .put("field", m.getField())
          .put("text", m.getText())
          .put("start", m.getStart())
          .put("end", m.getEnd());
    }
    ArrayNode clauses = o.putArray("matchedClauses");
    a.getClauses().forEach(clauses::add);
    o.put("snippet", a.getSnippet());
    o.put("alertedAt", a.getAlertedAt());
    return o;
  }

  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void putIfPresent(ObjectNode o, String field, String value) {
    if (value != null) {
      o.put(field, value);
    }
  }
}
