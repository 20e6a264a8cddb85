package io.wirewatch.kafka.dedup;

import io.wirewatch.avro.EnrichedArticle;
import io.wirewatch.codec.ArticleMapping;

/**
 * Keys of the fingerprint inbox, which carry what the article record itself does not: its timestamp
 * and its place in the fingerprint step's input.
 */
final class FingerprintInboxKeys {

  private static final String IN_FLIGHT_SEPARATOR = ":";

  private FingerprintInboxKeys() {}

  /**
   * Publication time, then article id, then the record's timestamp (which downstream windows count
   * by, so it travels with the article), then its place in the input, so that two records of one
   * article id never share a key.
   */
  static String key(EnrichedArticle a, long timestamp, String inFlight) {
    String time = Long.toString(timestamp);
    return inFlight.isEmpty()
        ? SettleInbox.key(ArticleMapping.eventTime(a), a.getId(), time)
        : SettleInbox.key(ArticleMapping.eventTime(a), a.getId(), time, inFlight);
  }

  static long timestampOf(String inboxKey) {
    String[] tail = tail(inboxKey);
    return Long.parseLong(tail[0]);
  }

  static String inFlightOf(String inboxKey) {
    return tail(inboxKey)[1];
  }

  /**
   * The timestamp and the place in the input, read from the end, as the article id may hold '|'. A
   * key written before the place was added ends with the timestamp, which holds no ':'.
   */
  private static String[] tail(String inboxKey) {
    int last = inboxKey.lastIndexOf('|');
    String end = inboxKey.substring(last + 1);
    if (!end.contains(IN_FLIGHT_SEPARATOR)) {
      return new String[] {end, ""};
    }
    return new String[] {inboxKey.substring(inboxKey.lastIndexOf('|', last - 1) + 1, last), end};
  }

  /**
   * "partition:" then the offset behind a letter for its digit count (a for 1 digit, b for 2), so
   * that one partition's records sort in offset order: "0:a9" before "0:b10".
   */
  static String inFlight(int partition, long offset) {
    String digits = Long.toString(offset);
    return partition + IN_FLIGHT_SEPARATOR + (char) ('a' + digits.length() - 1) + digits;
  }
}
