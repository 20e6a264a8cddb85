package io.wirewatch.kafka;

import io.wirewatch.avro.AlertRecord;
import io.wirewatch.avro.DedupEnvelope;
import io.wirewatch.avro.EnrichedArticle;
import io.wirewatch.avro.IndexRequest;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Every topic wirewatch reads or writes, with its serdes. Internal serdes are Avro single-object.
 */
public final class Topics {

  public static final Serde<EnrichedArticle> ENRICHED_AVRO =
      new AvroSerde<>(EnrichedArticle.getClassSchema());
  public static final Serde<IndexRequest> INDEX_REQUEST =
      new AvroSerde<>(IndexRequest.getClassSchema());
  public static final Serde<DedupEnvelope> DEDUP_ENVELOPE =
      new AvroSerde<>(DedupEnvelope.getClassSchema());
  public static final Serde<AlertRecord> ALERT_RECORD =
      new AvroSerde<>(AlertRecord.getClassSchema());

  /**
   * Articles as producers write them: JSON or Avro single-object bytes, untouched until validated.
   */
  public static final Topic<byte[], byte[]> RAW =
      new Topic<>("news.articles.raw", Serdes.ByteArray(), Serdes.ByteArray());

  /** Refused ingest records: original key and bytes, with {@code ww.error.*} headers. */
  public static final Topic<byte[], byte[]> REJECTED =
      new Topic<>("news.articles.rejected", Serdes.ByteArray(), Serdes.ByteArray());

  /** Articles with dedup verdict and entities, keyed by article id. */
  public static final Topic<String, EnrichedArticle> ENRICHED =
      new Topic<>("news.articles.enriched", Serdes.String(), ENRICHED_AVRO);

  /** The same topic for deployments that asked for JSON values. */
  public static final Topic<String, EnrichedArticle> ENRICHED_JSON =
      new Topic<>("news.articles.enriched", Serdes.String(), new JsonEnrichedSerde());

  /** Alert rules as JSON, keyed by rule id; compacted, a tombstone deletes. */
  public static final Topic<String, String> ALERT_RULES =
      new Topic<>("news.alert-rules", Serdes.String(), Serdes.String());

  /** Knowledge-base entries added while running, as JSON keyed by entity id; compacted. */
  public static final Topic<String, String> ENTITIES =
      new Topic<>("news.entities", Serdes.String(), Serdes.String());

  /** Rules refused by the parser, with the reason in {@code ww.error.message}. */
  public static final Topic<String, String> ALERT_RULES_REJECTED =
      new Topic<>("news.alert-rules.rejected", Serdes.String(), Serdes.String());

  /** Alerts as JSON, keyed by subscriber. */
  public static final Topic<String, String> ALERTS =
      new Topic<>("news.alerts", Serdes.String(), Serdes.String());

  /** Dashboard statistics as JSON, keyed by the statistic; compacted. */
  public static final Topic<String, String> DASHBOARD =
      new Topic<>("news.dashboard", Serdes.String(), Serdes.String());

  /** Topics that keep only the latest value per key. */
  public static final List<String> COMPACTED =
      List.of(ALERT_RULES.name(), DASHBOARD.name(), ENTITIES.name());

  /** Topics wirewatch creates when they are missing. */
  public static final List<String> ALL =
      List.of(
          RAW.name(),
          REJECTED.name(),
          ENRICHED.name(),
          ALERT_RULES.name(),
          ALERT_RULES_REJECTED.name(),
          ENTITIES.name(),
          ALERTS.name(),
          DASHBOARD.name());

  private Topics() {}
}
