package io.wirewatch.kafka.dedup;

/** Names of the dedup topology's state stores. */
final class DedupStores {
  /** Source to its learned boilerplate model; one small entry per source. */
  static final String BOILERPLATE = "dedup-boilerplate";

  /** Articles waiting to be fingerprinted in publication order; emptied every settle time. */
  static final String FINGERPRINT_INBOX = "dedup-fingerprint-inbox";

  /**
   * Index key to the earliest article holding it, and an owner's id to the story it joined; a
   * window store whose segments expire.
   */
  static final String INDEX = "dedup-index";

  /** Lookups waiting to be claimed in event-time order; emptied every settle time. */
  static final String INBOX = "dedup-index-inbox";

  /** Article id to the article and the shard replies received so far; emptied on verdict. */
  static final String PENDING = "dedup-pending";

  private DedupStores() {}
}
