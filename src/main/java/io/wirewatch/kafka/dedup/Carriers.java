package io.wirewatch.kafka.dedup;

import io.wirewatch.avro.DedupEnvelope;
import io.wirewatch.avro.IndexRequest;
import io.wirewatch.avro.IndexRequestKind;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.streams.errors.StreamsException;

/**
 * Records that carry a batch of requests or envelopes bound for one partition ({@link HopBatch}),
 * and the items a record holds: a record of an earlier version, or a group of one, holds itself.
 */
final class Carriers {

  private Carriers() {}

  /** A record holding the requests; a single request is sent as itself. */
  static IndexRequest ofRequests(List<IndexRequest> requests) {
    if (requests.size() == 1) {
      return requests.get(0);
    }
    return IndexRequest.newBuilder()
        // unused: each request carries its own kind
        .setKind(IndexRequestKind.LOOKUP)
        .setArticleId("")
        .setEventTime(0)
        .setKeys(List.of())
        .setBatch(requests)
        .build();
  }

  static List<IndexRequest> requests(IndexRequest r) {
    return r.getBatch().isEmpty() ? List.of(r) : r.getBatch();
  }

  /**
   * A record holding the envelopes, each naming its article (the record's key is one of theirs); a
   * single envelope is sent as itself under its article's id.
   */
  static DedupEnvelope ofEnvelopes(List<DedupEnvelope> envelopes) {
    if (envelopes.size() == 1) {
      return envelopes.get(0);
    }
    return DedupEnvelope.newBuilder().setArticle(null).setBatch(envelopes).build();
  }

  /** The envelope's article: named in it when it came in a batch, else the record's key. */
  static String articleId(String recordKey, DedupEnvelope e) {
    return e.getArticleId().isEmpty() ? recordKey : e.getArticleId();
  }

  static List<DedupEnvelope> envelopes(DedupEnvelope e) {
    return e.getBatch().isEmpty() ? List.of(e) : e.getBatch();
  }

  /**
   * Takes each item of a record as if it had come alone: one that throws does not stop the others,
   * and the first failure is thrown once all are through (later ones suppressed in it), so the
   * processing exception handler drops no more than it did when each item was a record.
   */
  static <T> void takeEach(List<T> items, Consumer<T> take) {
    RuntimeException failed = null;
    for (T item : items) {
      try {
        take.accept(item);
      } catch (StreamsException fatal) {
        // the task is failing or migrating: its transaction aborts, the whole record with it
        throw fatal;
      } catch (RuntimeException e) {
        if (failed == null) {
          failed = e;
        } else {
          failed.addSuppressed(e);
        }
      }
    }
    if (failed != null) {
      throw failed;
    }
  }
}
