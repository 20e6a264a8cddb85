package io.wirewatch.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirewatch.codec.JsonViews;
import io.wirewatch.kafka.StoryTopology;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Answers a story query from the instance that holds the story: Kafka Streams says which instance
 * owns the key's partition ({@code queryMetadataForKey}); this one answers from its own store when
 * it is the owner, and forwards the request to the owner's HTTP server when it is not. A forwarded
 * request is never forwarded again, so two instances with different views cannot loop.
 */
final class StoryLookup {

  static final String FORWARDED = "X-Wirewatch-Forwarded";

  /** A response to relay: status and JSON body. */
  record Answer(int status, String json) {}

  private final KafkaStreams streams;
  private final HostInfo self;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  /**
   * @param self this instance's {@code application.server}, or null when there is only one
   */
  StoryLookup(KafkaStreams streams, HostInfo self) {
    this.streams = streams;
    this.self = self;
  }

  Answer find(String storyId, boolean forwarded, String token) {
    try {
      if (self == null) {
        return local(storyId, null);
      }
      KeyQueryMetadata owner =
          streams.queryMetadataForKey(StoryTopology.STORE, storyId, Serdes.String().serializer());
      if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
        return unavailable();
      }
      if (owner.activeHost().equals(self) || forwarded) {
        return local(storyId, owner.partition());
      }
      return forward(owner.activeHost(), storyId, token);
    } catch (InvalidStateStoreException e) {
      return unavailable();
    }
  }

  private Answer local(String storyId, Integer partition) {
    StoreQueryParameters<ReadOnlyKeyValueStore<String, String>> q =
        StoreQueryParameters.fromNameAndType(
            StoryTopology.STORE, QueryableStoreTypes.<String, String>keyValueStore());
    String stored = streams.store(partition == null ? q : q.withPartition(partition)).get(storyId);
    if (stored == null) {
      return error(404, "no story " + storyId + " (unknown, or older than the story retention)");
    }
    ObjectNode story = view(read(stored));
    if (self != null) {
      story.put("servedBy", self.host() + ":" + self.port());
    }
    return new Answer(200, JsonViews.write(story));
  }

  /** The stored story, with the canonical article picked out and the reach counted. */
  static ObjectNode view(JsonNode stored) {
    ObjectNode out = JsonViews.MAPPER.createObjectNode();
    ArrayNode articles = (ArrayNode) stored.path("articles");
    JsonNode canonical = articles.isEmpty() ? null : articles.get(0);
    for (JsonNode a : articles) {
      if (a.path("status").asText().equals("UNIQUE")) {
        canonical = a;
        break;
      }
    }
    Set<String> sources = new HashSet<>();
    articles.forEach(a -> sources.add(a.path("source").asText("(unknown)")));
    out.put("storyId", stored.path("storyId").asText());
    out.put(
        "firstSeen", java.time.Instant.ofEpochMilli(stored.path("firstSeen").asLong()).toString());
    out.put(
        "lastSeen", java.time.Instant.ofEpochMilli(stored.path("lastSeen").asLong()).toString());
    out.put("sources", sources.size());
    out.put("omitted", stored.path("omitted").asInt());
    out.set("canonical", canonical);
    out.set("articles", articles);
    return out;
  }

  private Answer forward(HostInfo owner, String storyId, String token) {
    URI uri =
        URI.create(
            "http://"
                + owner.host()
                + ":"
                + owner.port()
                + "/api/stories/"
                + URLEncoder.encode(storyId, StandardCharsets.UTF_8).replace("+", "%20"));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).header(FORWARDED, "1").GET();
    if (!token.isEmpty()) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), r.body());
    } catch (IOException e) {
      return error(502, "the instance holding this story (" + owner + ") did not answer");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return error(503, "interrupted");
    }
  }

  private static Answer unavailable() {
    return error(503, "stories are being moved between instances; try again in a moment");
  }

  private static Answer error(int status, String message) {
    return new Answer(
        status, JsonViews.write(JsonViews.MAPPER.createObjectNode().put("error", message)));
  }

  private static JsonNode read(String json) {
    try {
      return JsonViews.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException("unreadable story in the store", e);
    }
  }
}
