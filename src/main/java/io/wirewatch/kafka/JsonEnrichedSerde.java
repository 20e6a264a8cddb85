package io.wirewatch.kafka;

import io.wirewatch.avro.EnrichedArticle;
import io.wirewatch.codec.JsonViews;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Writes enriched articles as the contract's JSON, for deployments configured with json output. */
final class JsonEnrichedSerde implements Serde<EnrichedArticle> {

  @Override
  public Serializer<EnrichedArticle> serializer() {
    return (topic, data) ->
        data == null
            ? null
            : JsonViews.write(JsonViews.enriched(data)).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public Deserializer<EnrichedArticle> deserializer() {
    return (topic, bytes) -> {
      throw new UnsupportedOperationException("JSON enriched articles are written, not read back");
    };
  }
}
