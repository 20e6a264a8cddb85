package io.wirewatch.kafka.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rocksdb.CompressionType;
import org.rocksdb.Options;

class DedupIndexRocksDbConfigTest {

  private final DedupIndexRocksDbConfig setter = new DedupIndexRocksDbConfig();

  @Test
  void shouldCompressEverySegmentOfTheIndex() {
    for (String name : new String[] {"dedup-index", "dedup-index.1700006400000"}) {
      try (Options options = new Options()) {
        setter.setConfig(name, options, Map.of());
        assertEquals(CompressionType.LZ4_COMPRESSION, options.compressionType(), name);
      }
    }
  }

  @Test
  void shouldLeaveOtherStoresAsKafkaStreamsConfiguresThem() {
    for (String name : new String[] {"dedup-index-inbox", "dedup-pending", "alerts-digest"}) {
      try (Options options = new Options()) {
        CompressionType before = options.compressionType();
        setter.setConfig(name, options, Map.of());
        assertEquals(before, options.compressionType(), name);
      }
    }
  }
}
