package io.wirewatch.kafka.bench;

import io.wirewatch.alert.AlertRule;
import io.wirewatch.alert.MatchableArticle;
import io.wirewatch.bench.ArticleGenerator;
import io.wirewatch.bench.ReutersCorpus;
import io.wirewatch.bench.RuleGenerator;
import io.wirewatch.codec.JsonViews;
import io.wirewatch.entity.EntityType;
import io.wirewatch.entity.KnowledgeBaseEntry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * The benchmark's data: articles from real Reuters text with a share of syndicated copies (new
 * site, boilerplate line, cut ending), rules of the generator's mix, and synthetic knowledge-base
 * entities.
 */
public final class BenchWorkload {

  private static final String[] BOILERPLATE = {
    "Subscribe to our newsletter for the latest headlines.",
    "Follow us on social media for live updates.",
    "Copyright 2026. All rights reserved."
  };

  public final List<byte[]> keys = new ArrayList<>();
  public final List<byte[]> values = new ArrayList<>();
  public final List<AlertRule> rules;
  public final List<KnowledgeBaseEntry> entities;
  private final List<MatchableArticle> originals;
  private final double duplicates;
  private final Random random;

  public BenchWorkload(int articles, int ruleCount, int entityCount, double duplicates, long seed) {
    List<String> stories = ReutersCorpus.load();
    int copies = (int) Math.round(articles * duplicates);
    this.originals = ArticleGenerator.generate(stories, articles - copies, seed);
    this.rules = RuleGenerator.generate(stories, ruleCount, seed + 1);
    this.entities = entities(stories, entityCount, seed + 2);
    this.duplicates = duplicates;
    this.random = new Random(seed + 3);
    build("bench", Instant.parse("2026-05-01T00:00:00Z"), articles);
  }

  /** A second batch of the same mix with fresh ids, for the latency run. */
  public BenchWorkload fresh(String prefix, int articles) {
    return new BenchWorkload(
        this, prefix, articles, Instant.parse("2026-05-02T00:00:00Z"), random.nextLong());
  }

  /**
   * The same mix published a month before the measured articles: it warms the JVM up on every code
   * path while lying outside every window the measured articles are compared in (the dedup window
   * of 7 days plus a day's grace, 3-day story buckets, 2-day story alerts), so it changes no
   * verdict, story or alert of theirs.
   */
  public BenchWorkload warmUp(int articles) {
    // its own random numbers: with or without a warm-up, the later batches are the same
    return new BenchWorkload(
        this, "warmup", articles, Instant.parse("2026-04-01T00:00:00Z"), originals.size());
  }

  /**
   * The same mix on the workload's first original texts, with fresh ids: {@code articles} of them,
   * the workload's share being copies of the others. Its own random numbers, as {@link #warmUp}.
   */
  public BenchWorkload sample(String prefix, int articles) {
    return new BenchWorkload(
        this, prefix, articles, Instant.parse("2026-05-01T00:00:00Z"), originals.size() + 1L);
  }

  private BenchWorkload(BenchWorkload from, String prefix, int articles, Instant start, long seed) {
    this.rules = from.rules;
    this.entities = from.entities;
    this.originals = from.originals;
    this.duplicates = from.duplicates;
    this.random = new Random(seed);
    build(prefix, start, articles);
  }

  private void build(String prefix, Instant start, int count) {
    int copies = (int) Math.round(count * duplicates);
    int originalsNeeded = count - copies;
    for (int i = 0; i < count; i++) {
      boolean copy = i >= originalsNeeded;
      MatchableArticle base =
          originals.get(copy ? random.nextInt(originalsNeeded) : i % originals.size());
      var o = JsonViews.MAPPER.createObjectNode();
      String id = prefix + "-" + i;
      o.put("id", id);
      o.put("source", (copy ? "reprint-" : "wire-") + (i % 17) + ".example");
      o.put("language", "en");
      o.put("publishedAt", start.plusMillis(200L * i).toString());
      o.put("title", base.title());
      String body = i < originals.size() || copy ? base.body() : "Update " + i + ". " + base.body();
      o.put("body", copy ? reprint(body) : body);
      keys.add(id.getBytes(StandardCharsets.UTF_8));
      values.add(JsonViews.write(o).getBytes(StandardCharsets.UTF_8));
    }
  }

  /** A syndicated copy: a site's boilerplate line on top, the last paragraph cut. */
  private String reprint(String body) {
    int cut = body.lastIndexOf("\n\n");
    String kept = cut > body.length() / 2 ? body.substring(0, cut) : body;
    return BOILERPLATE[random.nextInt(BOILERPLATE.length)] + "\n\n" + kept;
  }

  /** Person and organisation names made of capitalised words of the corpus: realistic lengths. */
  static List<KnowledgeBaseEntry> entities(List<String> stories, int count, long seed) {
    List<String> words = new ArrayList<>(capitalisedWords(stories));
    Random r = new Random(seed);
    Set<String> names = new LinkedHashSet<>();
    String[] orgSuffixes = {"Holdings", "Group", "Foundation", "Institute", "Partners", "Council"};
    int guard = 0;
    while (names.size() < count && guard++ < count * 20) {
      String a = words.get(r.nextInt(words.size()));
      String b = words.get(r.nextInt(words.size()));
      names.add(
          r.nextBoolean() ? a + " " + b : a + " " + orgSuffixes[r.nextInt(orgSuffixes.length)]);
    }
    List<KnowledgeBaseEntry> out = new ArrayList<>(names.size());
    int i = 0;
    for (String name : names) {
      boolean org = name.endsWith("s") || name.contains("Group") || name.contains("Council");
      out.add(
          new KnowledgeBaseEntry(
              "bench:" + i++,
              org ? EntityType.ORGANIZATION : EntityType.PERSON,
              name,
              List.of(),
              List.of()));
    }
    return out;
  }

  private static Set<String> capitalisedWords(List<String> stories) {
    Set<String> words = new LinkedHashSet<>();
    for (String s : stories) {
      for (String w : s.split("[^A-Za-z]+")) {
        if (w.length() >= 4
            && Character.isUpperCase(w.charAt(0))
            && !w.equals(w.toUpperCase(Locale.ROOT))) {
          words.add(w);
        }
      }
    }
    return words;
  }
}
