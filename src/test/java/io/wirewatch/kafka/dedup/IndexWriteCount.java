package io.wirewatch.kafka.dedup;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirewatch.article.Article;
import io.wirewatch.avro.IndexRequestKind;
import io.wirewatch.codec.JsonViews;
import io.wirewatch.dedup.BoilerplateModel;
import io.wirewatch.dedup.DedupSettings;
import io.wirewatch.dedup.Fingerprinter;
import io.wirewatch.dedup.Fingerprints;
import io.wirewatch.dedup.IndexEntry;
import io.wirewatch.dedup.IndexHit;
import io.wirewatch.dedup.IndexShard;
import io.wirewatch.dedup.PassageVerdictDecider;
import io.wirewatch.dedup.ShingleFingerprinter;
import io.wirewatch.dedup.Verdict;
import io.wirewatch.dedup.VerdictDecider;
import io.wirewatch.kafka.bench.BenchWorkload;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which writes make the {@code dedup-index} changelog, for the articles of {@code bin/wirewatch
 * bench}: the bench's workload (same seed) taken one by one in publication order through the dedup
 * logic, with the index in a map, once per passage sampling modulus. Counts the keys per article by
 * kind, the keys an article is the first to claim (each one changelog record), and the story
 * records: one per key the article owns when every owned key carried its story, one per index
 * partition its keys reach (routed by {@link IndexKeys}, 8 shards on 4 partitions as the bench
 * runs) now. Transaction markers are not counted. Usage: {@code bin/bench-dedup writes [articles]}.
 */
public final class IndexWriteCount {

  private static final int SHARDS = 8;
  private static final int PARTITIONS = 4;

  private IndexWriteCount() {}

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    List<Article> articles = benchArticles(count);
    for (int modulus : new int[] {16, 32}) {
      count(withModulus(DedupSettings.defaults(), modulus), articles);
    }
  }

  private static List<Article> benchArticles(int count) throws Exception {
    BenchWorkload work = new BenchWorkload(count, 1, 1, 0.2, 42);
    List<Article> out = new ArrayList<>(count);
    for (byte[] value : work.values) {
      JsonNode o = JsonViews.MAPPER.readTree(value);
      Instant published = Instant.parse(o.get("publishedAt").asText());
      out.add(
          new Article(
              o.get("id").asText(),
              null,
              o.get("source").asText(),
              published,
              "en",
              o.get("title").asText(),
              o.get("body").asText(),
              List.of(),
              published,
              List.of()));
    }
    return out;
  }

  private static DedupSettings withModulus(DedupSettings d, int modulus) {
    return new DedupSettings(
        d.shingleWords(),
        modulus,
        d.minimumPassageKeys(),
        d.commonWordShare(),
        d.minimumSharedPassages(),
        d.duplicateContainment(),
        d.syndicationContainment(),
        d.storyTerms(),
        d.storyRoutineTermShare(),
        d.storyVotes(),
        d.storyWindow(),
        d.boilerplateCapacity(),
        d.boilerplateMinArticles(),
        d.documentFrequencies());
  }

  private static void count(DedupSettings settings, List<Article> articles) {
    Fingerprinter fingerprinter = new ShingleFingerprinter(settings);
    VerdictDecider decider = new PassageVerdictDecider(settings);
    Map<String, BoilerplateModel> boilerplate = new HashMap<>();
    Map<String, IndexEntry> ownerByKey = new HashMap<>();
    Map<Character, Long> keys = new HashMap<>();
    Map<Character, Long> claimed = new HashMap<>();
    long joined = 0;
    long storyInEachKey = 0;
    long storyPerPartition = 0;
    for (Article a : articles) {
      BoilerplateModel model =
          boilerplate.computeIfAbsent(a.source(), s -> new BoilerplateModel(settings));
      String body = model.strip(a.body(), a.eventTime());
      model.learn(a.body(), a.eventTime());
      Fingerprints own = fingerprinter.fingerprint(a.withBody(body));
      IndexEntry claimant =
          new IndexEntry(a.id(), null, a.eventTime().toEpochMilli(), own.passageCount());
      List<IndexHit> hits = new ArrayList<>();
      List<String> owned = new ArrayList<>();
      for (String key : own.allKeys()) {
        keys.merge(key.charAt(0), 1L, Long::sum);
        IndexShard.Claim claim = IndexShard.claim(key, ownerByKey.get(key), claimant);
        if (claim.owner() == claimant) {
          claimed.merge(key.charAt(0), 1L, Long::sum);
          ownerByKey.put(key, claimant);
          owned.add(key);
        }
        claim.hit().ifPresent(hits::add);
      }
      Verdict verdict = decider.decide(a.id(), claimant.eventTime(), own, hits);
      if (!verdict.storyId().equals(a.id())) {
        joined++;
        storyInEachKey += owned.size();
        storyPerPartition += partitionsReached(a, own);
        for (String key : owned) {
          ownerByKey.put(key, claimant.withStoryId(verdict.storyId()));
        }
      }
    }
    double n = articles.size();
    long allClaimed = claimed.values().stream().mapToLong(Long::longValue).sum();
    System.out.printf(
        "modulus %d, %d articles, per article:%n"
            + "  keys: exact %.2f, passage %.2f, story %.2f%n"
            + "  first to claim (one record each): exact %.2f, passage %.2f, story %.2f%n"
            + "  joined an earlier story: %.3f of the articles%n"
            + "  story in each owned key: %.2f records, index writes in all %.2f%n"
            + "  story once per index partition: %.2f records, index writes in all %.2f%n",
        settings.samplingModulus(),
        articles.size(),
        keys.getOrDefault('x', 0L) / n,
        keys.getOrDefault('p', 0L) / n,
        keys.getOrDefault('s', 0L) / n,
        claimed.getOrDefault('x', 0L) / n,
        claimed.getOrDefault('p', 0L) / n,
        claimed.getOrDefault('s', 0L) / n,
        joined / n,
        storyInEachKey / n,
        (allClaimed + storyInEachKey) / n,
        storyPerPartition / n,
        (allClaimed + storyPerPartition) / n);
  }

  private static int partitionsReached(Article a, Fingerprints own) {
    return IndexKeys.requests(
            IndexRequestKind.ASSIGN_STORY, a.id(), 0, null, 0, own.allKeys(), SHARDS, PARTITIONS)
        .size();
  }
}
