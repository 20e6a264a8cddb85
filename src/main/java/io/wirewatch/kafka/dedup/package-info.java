/**
 * The dedup topology's processors. The index is sharded by fingerprint key, not by article, so an
 * article's verdict depends only on which earlier articles hold its keys, never on how many
 * partitions or instances run: articles fan out to the shards owning their keys and the replies fan
 * back in, keyed by article id, to {@link io.wirewatch.kafka.dedup.VerdictProcessor}. Watermark
 * records, multicast to every partition, let the two inboxes on the way wait for the slowest input
 * partition, so the order in which articles claim keys does not depend on thread scheduling.
 */
package io.wirewatch.kafka.dedup;
