package io.wirewatch.bench;

import io.wirewatch.article.Article;
import io.wirewatch.dedup.CopyMaker;
import io.wirewatch.dedup.DedupSettings;
import io.wirewatch.dedup.Fingerprints;
import io.wirewatch.dedup.IndexEntry;
import io.wirewatch.dedup.IndexHit;
import io.wirewatch.dedup.IndexShard;
import io.wirewatch.dedup.LegacyFingerprinter;
import io.wirewatch.dedup.LegacyVerdictDecider;
import io.wirewatch.dedup.PassageVerdictDecider;
import io.wirewatch.dedup.ReutersArff;
import io.wirewatch.dedup.ShingleFingerprinter;
import io.wirewatch.dedup.Verdict;
import io.wirewatch.dedup.VerdictDecider;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of dedup per 4 KB article on one thread: fingerprinting, the verdict, and a whole step
 * (fingerprint, claim every key in an index that holds 1,000,000 articles' keys, decide) with the
 * window kept at 1,000,000 articles. Articles are Reuters-21578 train texts (Debian's weka
 * examples) joined up to 4 KB. Run with {@code bin/bench-dedup}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx8g", "-Xms8g", "-XX:+UseParallelGC"})
public class DedupBenchmark {

  static final Instant T0 = Instant.parse("1987-03-01T00:00:00Z");
  static final int ARTICLE_CHARS = 4096;

  /** 4 KB articles made of Reuters texts picked at random, each a different mix. */
  static List<Article> articles(int count, long seed) {
    List<String> texts;
    try {
      texts = ReutersArff.texts(ReutersArff.CORN_TRAIN);
    } catch (IOException e) {
      throw new IllegalStateException("the benchmarks need " + ReutersArff.CORN_TRAIN, e);
    }
    Random random = new Random(seed);
    List<Article> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      StringBuilder body = new StringBuilder(ARTICLE_CHARS + 2048);
      while (body.length() < ARTICLE_CHARS) {
        body.append(texts.get(random.nextInt(texts.size()))).append("\n\n");
      }
      String title = body.substring(0, Math.max(0, body.indexOf("\n")));
      Instant t = T0.plusSeconds(60L * i);
      out.add(
          new Article(
              "a" + seed + "-" + i,
              null,
              "wire.example",
              t,
              "en",
              title.length() > 120 ? title.substring(0, 120) : title,
              body.substring(0, ARTICLE_CHARS),
              null,
              t,
              null));
    }
    return out;
  }

  static Article withBody(Article a, String id, String body, Instant time) {
    return new Article(id, null, a.source(), time, "en", a.title(), body, null, time, null);
  }

  /** Fingerprinting alone, new and former code, over 64 different 4 KB articles in turn. */
  @State(Scope.Thread)
  public static class FingerprintState {
    final ShingleFingerprinter fingerprinter = new ShingleFingerprinter(DedupSettings.defaults());
    final LegacyFingerprinter.Fingerprinter before =
        new LegacyFingerprinter.Fingerprinter(DedupSettings.defaults());
    List<Article> pool;
    int next;

    @Setup
    public void setUp() {
      pool = articles(64, 1);
    }

    Article next() {
      return pool.get(next++ & 63);
    }
  }

  @Benchmark
  public Fingerprints fingerprint(FingerprintState s) {
    return s.fingerprinter.fingerprint(s.next());
  }

  @Benchmark
  public Fingerprints fingerprintBefore(FingerprintState s) {
    return s.before.fingerprint(s.next());
  }

  /**
   * The verdict alone, with the hits a real index gives: {@code copy}, a typo copy of an indexed
   * article (about 90 passage and story hits from one owner); {@code unique}, an article whose only
   * hits are story pairs shared with earlier articles on the same subject.
   */
  @State(Scope.Thread)
  public static class DecideState {
    @Param({"copy", "unique"})
    String kind;

    final VerdictDecider decider = new PassageVerdictDecider(DedupSettings.defaults());
    final VerdictDecider before = new LegacyVerdictDecider(DedupSettings.defaults());
    final List<Case> cases = new ArrayList<>();
    int next;

    record Case(String id, long time, Fingerprints own, List<IndexHit> hits) {}

    @Setup
    public void setUp() {
      ShingleFingerprinter fp = new ShingleFingerprinter(DedupSettings.defaults());
      List<Article> indexed = articles(256, 2);
      Map<String, IndexEntry> index = new HashMap<>();
      for (Article a : indexed) {
        Fingerprints f = fp.fingerprint(a);
        IndexEntry e = new IndexEntry(a.id(), null, a.eventTime().toEpochMilli(), f.passageCount());
        for (String k : f.allKeys()) {
          index.put(k, IndexShard.claim(k, index.get(k), e).owner());
        }
      }
      CopyMaker copies = new CopyMaker(new Random(3));
      List<Article> probes =
          "copy".equals(kind)
              ? indexed.subList(0, 64).stream()
                  .map(
                      a ->
                          withBody(
                              a,
                              "copy-" + a.id(),
                              copies.copy(a.body(), CopyMaker.Edit.TYPOS, 0),
                              a.eventTime().plus(Duration.ofHours(1))))
                  .toList()
              : articles(64, 4).stream()
                  .map(a -> withBody(a, "u-" + a.id(), a.body(), T0.plus(Duration.ofDays(1))))
                  .toList();
      int hitCount = 0;
      for (Article a : probes) {
        Fingerprints f = fp.fingerprint(a);
        List<IndexHit> hits = new ArrayList<>();
        for (String k : f.allKeys()) {
          IndexEntry owner = index.get(k);
          if (owner != null) {
            hits.add(new IndexHit(k, owner));
          }
        }
        hitCount += hits.size();
        cases.add(new Case(a.id(), a.eventTime().toEpochMilli(), f, hits));
      }
      System.out.printf("%n[decide %s: %.1f hits per article]%n", kind, hitCount / 64.0);
    }

    Case next() {
      return cases.get(next++ & 63);
    }
  }

  @Benchmark
  public Verdict decide(DecideState s) {
    DecideState.Case c = s.next();
    return s.decider.decide(c.id(), c.time(), c.own(), c.hits());
  }

  @Benchmark
  public Verdict decideBefore(DecideState s) {
    DecideState.Case c = s.next();
    return s.before.decide(c.id(), c.time(), c.own(), c.hits());
  }

  /**
   * One whole dedup step per article with 1,000,000 articles in the window; see {@link
   * DedupMillionArticleIndex}.
   */
  @Benchmark
  public Verdict stepWithMillionInWindow(DedupMillionArticleIndex s) {
    return s.step();
  }
}
