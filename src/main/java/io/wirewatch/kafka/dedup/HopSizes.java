package io.wirewatch.kafka.dedup;

import io.wirewatch.avro.DedupEnvelope;
import io.wirewatch.avro.EnrichedArticle;
import io.wirewatch.avro.IndexHit;
import io.wirewatch.avro.IndexRequest;
import io.wirewatch.codec.AvroCodec;
import java.util.List;

/**
 * Upper bounds of the bytes a request or an envelope takes inside a batch ({@link HopBatch}):
 * strings at 3 bytes a char (the most UTF-8 takes) plus their length, numbers at their longest. An
 * article is encoded to measure it, as its many optional fields have no simple bound.
 */
final class HopSizes {

  // a string's or an array's length prefix, a long or an int, a union branch or a boolean: each
  // at most this many bytes in Avro's binary encoding
  private static final int NUMBER = 10;
  private static final AvroCodec<EnrichedArticle> ARTICLES =
      new AvroCodec<>(EnrichedArticle.getClassSchema());

  private HopSizes() {}

  static int of(IndexRequest r) {
    return 8 * NUMBER
        + of(r.getArticleId())
        + of(r.getStoryId())
        + of(r.getInFlight())
        + of(r.getKeys());
  }

  static int of(DedupEnvelope e) {
    int bytes = 10 * NUMBER + of(e.getInFlight()) + of(e.getArticleId()) + of(e.getOwnKeys());
    for (IndexHit h : e.getHits()) {
      bytes += 4 * NUMBER + of(h.getKey()) + of(h.getArticleId()) + of(h.getStoryId());
    }
    if (e.getArticle() != null) {
      bytes += ARTICLES.encode(e.getArticle()).length;
    }
    return bytes;
  }

  private static int of(List<String> strings) {
    int bytes = NUMBER;
    for (String s : strings) {
      bytes += of(s);
    }
    return bytes;
  }

  private static int of(String s) {
    return s == null ? 1 : NUMBER + 3 * s.length();
  }
}
