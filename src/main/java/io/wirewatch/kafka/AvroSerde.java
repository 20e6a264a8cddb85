package io.wirewatch.kafka;

import io.wirewatch.codec.AvroCodec;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Avro single-object encoding as a Kafka serde; no schema registry involved. */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {

  private final AvroCodec<T> codec;

  public AvroSerde(Schema schema) {
    this.codec = new AvroCodec<>(schema);
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, data) -> data == null ? null : codec.encode(data);
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      try {
        return codec.decode(bytes);
      } catch (IOException | RuntimeException e) {
        throw new SerializationException(
            "not a decodable Avro single-object record on " + topic, e);
      }
    };
  }
}
