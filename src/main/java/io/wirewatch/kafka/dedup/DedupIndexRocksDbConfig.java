package io.wirewatch.kafka.dedup;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.CompressionType;
import org.rocksdb.Options;

/**
 * Compresses the dedup index with LZ4. Kafka Streams writes its stores uncompressed; the index is
 * by far the largest (about a hundred entries per article for a week), and its hex keys and
 * repeated article ids halve under LZ4 for little CPU. Other stores keep Kafka Streams' defaults.
 */
public final class DedupIndexRocksDbConfig implements RocksDBConfigSetter {

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    if (isDedupIndex(storeName)) {
      options.setCompressionType(CompressionType.LZ4_COMPRESSION);
    }
  }

  /** The index is a window store: each time segment is its own RocksDB, named "store.segment". */
  static boolean isDedupIndex(String storeName) {
    return storeName.equals(DedupStores.INDEX) || storeName.startsWith(DedupStores.INDEX + ".");
  }

  @Override
  public void close(String storeName, Options options) {
    // nothing was allocated here: the compression type is a plain enum
  }
}
