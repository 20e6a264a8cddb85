package io.wirewatch.bench;

import io.wirewatch.article.Article;
import io.wirewatch.dedup.CopyMaker;
import io.wirewatch.dedup.DedupSettings;
import io.wirewatch.dedup.Fingerprints;
import io.wirewatch.dedup.IndexEntry;
import io.wirewatch.dedup.IndexHit;
import io.wirewatch.dedup.IndexShard;
import io.wirewatch.dedup.PassageVerdictDecider;
import io.wirewatch.dedup.ShingleFingerprinter;
import io.wirewatch.dedup.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * An in-memory dedup index holding the keys of 1,000,000 articles (75 each, as a 4 KB article had
 * before the ninth session: 1 exact, ~32 passage, 42 story; about 58 since, with ~18 passage keys
 * and ~38 story keys on the bench's articles, so the index is if anything larger than the window
 * now holds), and one dedup step on it: fingerprint an article, claim each key under {@link
 * IndexShard#claim}, decide, then expire one article's worth of keys so the window stays at
 * 1,000,000 articles.
 *
 * <p>75 million keys don't fit a {@code HashMap<String, IndexEntry>} in 8 GB (about 100 bytes an
 * entry), so the map is open addressing from the key's 64-bit hash to the owner's ordinal: 16 bytes
 * a slot, key and owner side by side, 2.1 GB at load 0.56. What it measures is the same: a random
 * probe per key in a table far larger than the CPU caches. The 1,000,000 articles' keys are random
 * 64-bit values (what unique keys hash to), except, in {@code copy} mode, the last 512 articles,
 * which are the real 4 KB articles the benchmark sends typo copies of.
 */
@State(Scope.Thread)
public class DedupMillionArticleIndex {

  static final int ARTICLES = 1_000_000;
  static final int KEYS_PER_ARTICLE = 75;
  static final int POOL = 512;
  static final int SLOTS = 1 << 27;

  @Param({"unique", "copy"})
  public String kind;

  private final ShingleFingerprinter fingerprinter =
      new ShingleFingerprinter(DedupSettings.defaults());
  private final PassageVerdictDecider decider = new PassageVerdictDecider(DedupSettings.defaults());

  // slot s holds a key hash at 2s and its owner's ordinal + 1 at 2s + 1: side by side, a hit costs
  // one cache miss, where a key array and an owner array cost two. Key hash 0 marks a free slot
  // (and a key that hashes to 0 is remapped to 1).
  private long[] table;
  private IndexEntry[] entries;
  private List<Article> probes;
  private final List<String> claimedKeys = new ArrayList<>(128);
  private int next;
  private long sequence;

  @Setup
  public void setUp() {
    table = new long[2 * SLOTS];
    entries = new IndexEntry[ARTICLES + 1];
    List<Article> originals = DedupBenchmark.articles(POOL, 5);
    int synthetic = "copy".equals(kind) ? ARTICLES - POOL : ARTICLES;
    long start = System.nanoTime();
    for (int a = 0; a < synthetic; a++) {
      // ids and times as the real entries have them; the keys are random (SplitMix64)
      entries[a] = new IndexEntry("synthetic-" + a, null, DedupBenchmark.T0.toEpochMilli() - a, 32);
      for (int k = 0; k < KEYS_PER_ARTICLE; k++) {
        put(splitMix((long) a * KEYS_PER_ARTICLE + k), a);
      }
    }
    CopyMaker copies = new CopyMaker(new Random(6));
    probes = new ArrayList<>(POOL);
    for (int i = 0; i < POOL; i++) {
      Article original = originals.get(i);
      if ("copy".equals(kind)) {
        int ordinal = synthetic + i;
        Fingerprints f = fingerprinter.fingerprint(original);
        entries[ordinal] =
            new IndexEntry(
                original.id(), null, original.eventTime().toEpochMilli(), f.passageCount());
        for (String key : f.allKeys()) {
          put(keyHash(key), ordinal);
        }
        probes.add(
            DedupBenchmark.withBody(
                original,
                "copy",
                copies.copy(original.body(), CopyMaker.Edit.TYPOS, 0),
                original.eventTime().plus(Duration.ofHours(2))));
      } else {
        probes.add(original);
      }
    }
    System.gc();
    Runtime rt = Runtime.getRuntime();
    System.out.printf(
        "%n[index: %d articles, %d keys, filled in %.1f s, heap used %.0f MB after GC]%n",
        ARTICLES,
        (long) ARTICLES * KEYS_PER_ARTICLE,
        (System.nanoTime() - start) / 1e9,
        (rt.totalMemory() - rt.freeMemory()) / 1e6);
  }

  /** One article through the index; its new keys are removed again, as the oldest would expire. */
  Verdict step() {
    return step(nextProbe());
  }

  /** The next of the articles the steps send, in turn. */
  Article nextProbe() {
    return probes.get(next++ & (POOL - 1));
  }

  /** {@link #step()} for {@code probe}, one of {@link #nextProbe()}'s articles or a changed one. */
  Verdict step(Article probe) {
    String id = "step-" + sequence++;
    Fingerprints own = fingerprinter.fingerprint(probe);
    IndexEntry claimant =
        new IndexEntry(id, null, probe.eventTime().toEpochMilli(), own.passageCount());
    entries[ARTICLES] = claimant;
    List<IndexHit> hits = new ArrayList<>();
    claimedKeys.clear();
    for (String key : own.allKeys()) {
      long h = keyHash(key);
      int ordinal = get(h);
      IndexEntry existing = ordinal < 0 ? null : entries[ordinal];
      IndexShard.Claim claim = IndexShard.claim(key, existing, claimant);
      if (claim.owner() == claimant && existing == null) {
        put(h, ARTICLES);
        claimedKeys.add(key);
      }
      claim.hit().ifPresent(hits::add);
    }
    Verdict verdict = decider.decide(id, claimant.eventTime(), own, hits);
    for (String key : claimedKeys) {
      remove(keyHash(key));
    }
    return verdict;
  }

  private static long splitMix(long x) {
    long z = x * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z ^= z >>> 31;
    return z == 0 ? 1 : z;
  }

  /** 64-bit FNV-1a of the key string, finalised with MurmurHash3's mixer. */
  static long keyHash(String key) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < key.length(); i++) {
      h ^= key.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h == 0 ? 1 : h;
  }

  private int slot(long h) {
    return (int) (h ^ (h >>> 32)) & (SLOTS - 1);
  }

  private long keyAt(int s) {
    return table[2 * s];
  }

  private void put(long h, int ordinal) {
    int s = slot(h);
    while (keyAt(s) != 0 && keyAt(s) != h) {
      s = (s + 1) & (SLOTS - 1);
    }
    table[2 * s] = h;
    table[2 * s + 1] = ordinal + 1;
  }

  private int get(long h) {
    for (int s = slot(h); keyAt(s) != 0; s = (s + 1) & (SLOTS - 1)) {
      if (keyAt(s) == h) {
        return (int) table[2 * s + 1] - 1;
      }
    }
    return -1;
  }

  /** Linear probing's backward-shift deletion: no tombstones, so probes stay short. */
  private void remove(long h) {
    int s = slot(h);
    while (keyAt(s) != h) {
      if (keyAt(s) == 0) {
        return;
      }
      s = (s + 1) & (SLOTS - 1);
    }
    int hole = s;
    for (int j = (hole + 1) & (SLOTS - 1); keyAt(j) != 0; j = (j + 1) & (SLOTS - 1)) {
      int home = slot(keyAt(j));
      // move j into the hole unless its home lies cyclically in (hole, j]
      boolean stays = hole <= j ? hole < home && home <= j : hole < home || home <= j;
      if (!stays) {
        table[2 * hole] = table[2 * j];
        table[2 * hole + 1] = table[2 * j + 1];
        hole = j;
      }
    }
    table[2 * hole] = 0;
    table[2 * hole + 1] = 0;
  }
}
