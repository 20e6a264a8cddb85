package io.wirewatch.kafka;

import io.wirewatch.config.WirewatchConfig;
import io.wirewatch.kafka.dedup.DedupIndexRocksDbConfig;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

/** Kafka Streams properties: wirewatch's defaults, under whatever the configuration sets. */
public final class StreamsSettings {

  private StreamsSettings() {}

  public static Properties of(WirewatchConfig config) {
    Properties p = new Properties();
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.get(WirewatchConfig.APPLICATION_ID));
    p.put(StreamsConfig.STATE_DIR_CONFIG, config.get(WirewatchConfig.STATE_DIR));
    p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, config.get(WirewatchConfig.TOPIC_REPLICATION));
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 2);
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 200);
    // a record that cannot be read is logged and skipped, and one a stage fails on goes to
    // news.articles.rejected: neither ever stops a partition
    p.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        LogAndContinueExceptionHandler.class);
    p.put(
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
        RejectingProcessingExceptionHandler.class);
    p.put(StreamsConfig.consumerPrefix("max.poll.records"), 500);
    p.put(StreamsConfig.producerPrefix("max.request.size"), 8 * 1024 * 1024);
    p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, DedupIndexRocksDbConfig.class);
    p.putAll(config.kafkaProperties());
    return p;
  }
}
