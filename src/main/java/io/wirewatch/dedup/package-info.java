/**
 * Duplicate and syndication detection, and story grouping, as pure functions over fingerprints.
 *
 * <p>The design is an index sharded by fingerprint key: an article's {@link
 * io.wirewatch.dedup.Fingerprints} are looked up (and registered) in the shard that owns each key,
 * each shard answers with the earlier articles that hold the same keys ({@link
 * io.wirewatch.dedup.IndexHit}), and {@link io.wirewatch.dedup.VerdictDecider} turns the answers
 * into a {@link io.wirewatch.dedup.Verdict}. Because ownership of a key depends only on the key, no
 * verdict depends on how many partitions or instances run the shards.
 *
 * <p><b>Passages.</b> {@link io.wirewatch.dedup.ShingleFingerprinter} hashes word 3-shingles of the
 * normalised body and keeps those whose hash lies in the lowest 1/32 of the hash range (a threshold
 * on the hash value, like Broder's "0 mod p" sampling and Manber's sif), and at least the 12
 * smallest hashes so that a 30-word notice still has keys. Sampling by hash value, unlike MinHash's
 * k minima, keeps the count of shared keys proportional to the shared text, so the containment of a
 * reprint in its source, and of the source in the reprint, can be read straight off the index's
 * answers: shared / own keys, shared / the owner's {@code featureCount}. As the sample is the
 * smallest hashes, the 12 smallest are among it in any text long enough: a 4 KB article gets about
 * 18 passage keys (about 30 with "0 mod 32" before the ninth session, whose sample and 12 smallest
 * rarely met). Shingles of common words only ("said it would") are never keys: their first user
 * would own them and pull every later article towards it.
 *
 * <p><b>Verdicts.</b> {@link io.wirewatch.dedup.PassageVerdictDecider}: the exact key, or both
 * containments at least 0.65, make a DUPLICATE; one containment at least 0.4 (with 3 shared keys or
 * more) makes a SYNDICATED; the candidate is the owner sharing most passages, and as keys are owned
 * by their earliest claimant, that is the earliest copy. A copy takes its canonical's story.
 *
 * <p><b>Stories.</b> Independent write-ups share few words but the same names and rare terms. The 7
 * most distinctive terms of title and body (inverse document frequency from {@code
 * config/dedup/document-frequencies.tsv}, built from Reuters-21578 train texts, times log term
 * frequency, names mid-sentence weighted up), less those routine for the wire (in 2% of the
 * reference documents or more: "shr", "qtly", "tonnes"), give up to 21 pair keys; each is claimed
 * in the article's 3-day time bucket and the next, so a key first used months ago does not block a
 * new event, and two articles less than a window apart always meet. An article joins the story
 * whose owners, within 3 days of it, hold at least 3 of its pairs, i.e. share at least 3 of its top
 * terms.
 *
 * <p>An owner's story is known only once it is decided, and an index that answers at once names
 * owners still to be decided ({@link io.wirewatch.dedup.IndexEntry#STORY_TO_COME}). {@code
 * AwaitedStories} says which of them could change an article's story, so the transport waits for
 * those alone and every story comes out as if articles were decided one by one.
 *
 * <p><b>Order.</b> Who owns a key depends on the order in which articles claim it, so the transport
 * takes them in publication order: {@link io.wirewatch.dedup.InputProgress} is what one input
 * partition announces (how far it has come in publication time, or that it is idle), and {@link
 * io.wirewatch.dedup.LowWatermark} the time all of a merge's inputs have passed, before which an
 * article can no longer be overtaken by an earlier one.
 *
 * <p><b>Retention.</b> Index keys are owned forever here; the store that holds them should expire
 * entries after the longest time a copy may arrive late (story keys are useless after one window).
 * {@link io.wirewatch.dedup.BoilerplateModel} keeps at most 2,000 line hashes per source,
 * forgetting the least recently seen line first, so its state is about 24 KB per source however
 * long it runs.
 */
package io.wirewatch.dedup;
