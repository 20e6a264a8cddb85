package io.wirewatch.kafka;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/** A topic name with the serdes of its keys and values, so no topic is ever a loose string. */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {
  public Topic {
    Objects.requireNonNull(name, "name can't be null");
    Objects.requireNonNull(keySerde, "keySerde can't be null");
    Objects.requireNonNull(valueSerde, "valueSerde can't be null");
  }

  public Consumed<K, V> consumed() {
    return Consumed.with(keySerde, valueSerde);
  }

  public Produced<K, V> produced() {
    return Produced.with(keySerde, valueSerde);
  }
}
