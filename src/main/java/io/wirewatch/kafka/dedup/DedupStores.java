package io.wirewatch.kafka.dedup;

/** Names of the dedup topology's state stores. */
final class DedupStores {
  /**
   * Source to its learned boilerplate model and the latest publication time seen from it; one small
   * entry per source seen within the dedup window ({@link SourceEntry}).
   */
  static final String BOILERPLATE = "dedup-boilerplate";

  /** Articles waiting to be fingerprinted in publication order, until the watermark passes them. */
  static final String FINGERPRINT_INBOX = "dedup-fingerprint-inbox";

  /** Input partition to the latest watermark it announced to the fingerprint step. */
  static final String FINGERPRINT_WATERMARKS = "dedup-fingerprint-watermarks";

  /**
   * Index key to the earliest article holding it, and an owner's id to the story it joined; a
   * window store whose segments expire.
   */
  static final String INDEX = "dedup-index";

  /**
   * Lookups waiting to be claimed in event-time order, until the watermark passes them: one entry
   * per batch received (under its input record's place), holding the lookups not claimed yet, or a
   * lookup that came alone under its own inbox key.
   */
  static final String INBOX = "dedup-index-inbox";

  /**
   * Answers to story queries not yet sent, keyed by the asking article's id, its record and the
   * first owner asked about: those waiting for an owner's story to reach the shard and those ready
   * for the next release; emptied when sent (once the story comes, or after {@link
   * IndexShardProcessor#STORY_WAIT}).
   */
  static final String HELD = "dedup-index-held";

  /** Fingerprint partition to the latest watermark (inbox frontier) it announced to the index. */
  static final String INDEX_WATERMARKS = "dedup-index-watermarks";

  /**
   * Article id and the record's place in the fingerprint input to the article and the shard replies
   * received so far; emptied on verdict.
   */
  static final String PENDING = "dedup-pending";

  private DedupStores() {}
}
