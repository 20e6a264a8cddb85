/**
 * Duplicate and syndication detection, and story grouping, as pure functions over fingerprints.
 *
 * <p>The design is an index sharded by fingerprint key: an article's {@link
 * io.wirewatch.dedup.Fingerprints} are looked up (and registered) in the shard that owns each key,
 * each shard answers with the earlier articles that hold the same keys ({@link
 * io.wirewatch.dedup.IndexHit}), and {@link io.wirewatch.dedup.VerdictDecider} turns the answers into a
 * {@link io.wirewatch.dedup.Verdict}. Because ownership of a key depends only on the key, no verdict
 * depends on how many partitions or instances run the shards.
 */
package io.wirewatch.dedup;
