package io.wirewatch.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Two builds of the production entity tagger side by side in one JVM, each checkout's classes in a
 * class loader of its own. First every text (each Reuters story alone, the 4 KB articles of {@code
 * bin/bench-entities}, and the seed articles when a seeds directory is given) is tagged by both and
 * the full results (entities, ids, types, salience, mentions with offsets, in order) are compared
 * as text; then rounds over the 4 KB articles alternate between the builds and the per-round ratio
 * of thread CPU time is reported, which a shared machine's load disturbs far less than two separate
 * runs. Run it with {@code bin/bench-entities-compare}.
 */
public final class EntityTaggerComparison {

  private static final int ARTICLE_CHARS = 4096;

  private EntityTaggerComparison() {}

  /** A text with its title length, as the pipeline hands it to the tagger. */
  record Text(String label, String text, int titleLength) {}

  /** One build's production tagger, called by reflection through its own class loader. */
  private static final class Build {
    final String name;
    final Object tagger;
    final Method tag;

    Build(Path checkout, boolean dictionaryOnly) throws ReflectiveOperationException {
      this.name = checkout.toString();
      ClassLoader loader = CheckoutClassLoader.of(checkout);
      Class<?> taggers = loader.loadClass("io.wirewatch.entity.EntityTaggers");
      Path dir = checkout.resolve("config/entities");
      if (dictionaryOnly) {
        Class<?> base = loader.loadClass("io.wirewatch.entity.KnowledgeBase");
        this.tagger =
            loader
                .loadClass("io.wirewatch.entity.DictionaryTagger")
                .getConstructor(base)
                .newInstance(taggers.getMethod("loadKnowledgeBase", Path.class).invoke(null, dir));
      } else {
        this.tagger = taggers.getMethod("fromConfigDir", Path.class).invoke(null, dir);
      }
      this.tag =
          loader
              .loadClass("io.wirewatch.entity.EntityTagger")
              .getMethod("tag", String.class, int.class);
    }

    List<?> tag(Text t) throws ReflectiveOperationException {
      return (List<?>) tag.invoke(tagger, t.text(), t.titleLength());
    }

    /** Thread CPU nanoseconds to tag every article once. */
    long round(List<Text> articles) throws ReflectiveOperationException {
      ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
      long start = cpu.getCurrentThreadCpuTime();
      int found = 0;
      for (Text a : articles) {
        found += tag(a).size();
      }
      long spent = cpu.getCurrentThreadCpuTime() - start;
      return found < 0 ? -1 : spent; // found keeps the calls from being optimised away
    }
  }

  /**
   * {@code BASE_CHECKOUT NEW_CHECKOUT [--rounds 20] [--articles 200] [--seeds DIR] [--only
   * base|new] [--tagger production|dictionary]}; {@code --only} skips the check and times one build
   * alone (for a profiler).
   */
  public static void main(String[] args) throws Exception {
    int rounds = 20;
    int count = 200;
    Path seeds = null;
    String only = null;
    boolean dictionaryOnly = false;
    for (int i = 2; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
        case "--articles" -> count = Integer.parseInt(args[i + 1]);
        case "--seeds" -> seeds = Path.of(args[i + 1]);
        case "--only" -> only = args[i + 1];
        case "--tagger" -> dictionaryOnly = args[i + 1].equals("dictionary");
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    List<String> stories = ReutersCorpus.load();
    List<Text> articles = articles(stories, count);
    Build base = new Build(Path.of(args[0]), dictionaryOnly);
    Build next = new Build(Path.of(args[1]), dictionaryOnly);
    if (only != null) {
      Build alone = only.equals("base") ? base : next;
      for (int r = 0; r < rounds; r++) {
        System.out.printf(
            Locale.ROOT,
            "%s round %d: %.1f us CPU/article%n",
            only,
            r,
            alone.round(articles) / 1e3 / articles.size());
      }
      return;
    }
    List<Text> texts = new ArrayList<>(articles);
    for (int i = 0; i < stories.size(); i++) {
      String s = stories.get(i);
      int nl = s.indexOf('\n');
      texts.add(new Text("reuters story " + i, s, nl < 0 ? 0 : nl));
    }
    if (seeds != null) {
      texts.addAll(seedTexts(seeds));
    }
    compare(base, next, texts);
    time(base, next, articles, rounds);
  }

  private static void compare(Build base, Build next, List<Text> texts)
      throws ReflectiveOperationException {
    int differ = 0;
    long entities = 0;
    for (Text t : texts) {
      List<?> a = base.tag(t);
      List<?> b = next.tag(t);
      entities += a.size();
      if (!a.toString().equals(b.toString())) {
        differ++;
        if (differ <= 5) {
          System.out.printf("DIFFERENT %s%n  base: %s%n  new:  %s%n", t.label(), a, b);
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "compared %d texts (%d entities from the base build): %d differ%n",
        texts.size(),
        entities,
        differ);
  }

  private static void time(Build base, Build next, List<Text> articles, int rounds)
      throws ReflectiveOperationException {
    for (int w = 0; w < 8; w++) { // warm-up: both builds compiled before any round counts
      base.round(articles);
      next.round(articles);
    }
    double[] baseUs = new double[rounds];
    double[] nextUs = new double[rounds];
    double[] ratio = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      // alternate which build goes first, so neither always meets the other's leftovers
      boolean baseFirst = r % 2 == 0;
      long first = (baseFirst ? base : next).round(articles);
      long second = (baseFirst ? next : base).round(articles);
      baseUs[r] = (baseFirst ? first : second) / 1e3 / articles.size();
      nextUs[r] = (baseFirst ? second : first) / 1e3 / articles.size();
      ratio[r] = nextUs[r] / baseUs[r];
    }
    System.out.printf(
        Locale.ROOT,
        "%d alternating rounds of %d articles, thread CPU per article, medians:%n"
            + "  base %s: %.1f us%n  new  %s: %.1f us%n"
            + "  new/base per round: median %.3f (quartiles %.3f to %.3f); ratio of medians %.3f%n",
        rounds,
        articles.size(),
        base.name,
        quantile(baseUs, 0.5),
        next.name,
        quantile(nextUs, 0.5),
        quantile(ratio, 0.5),
        quantile(ratio, 0.25),
        quantile(ratio, 0.75),
        quantile(nextUs, 0.5) / quantile(baseUs, 0.5));
  }

  private static double quantile(double[] values, double q) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[(int) Math.round(q * (sorted.length - 1))];
  }

  /** Consecutive Reuters stories joined until each has 4 KB, as {@code bin/bench-entities}. */
  private static List<Text> articles(List<String> stories, int count) {
    List<Text> articles = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; articles.size() < count; i++) {
      current.append(stories.get(i % stories.size())).append("\n\n");
      if (current.length() >= ARTICLE_CHARS) {
        articles.add(new Text("4 KB article " + articles.size(), current.toString(), 0));
        current.setLength(0);
      }
    }
    return articles;
  }

  /** The seeds' plain texts, once with the first line as the title and once without a title. */
  private static List<Text> seedTexts(Path dir) throws IOException {
    List<Text> texts = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString();
        if (name.endsWith(".txt")) {
          String s = Files.readString(f, StandardCharsets.UTF_8);
          int nl = s.indexOf('\n');
          texts.add(new Text(name, s, nl < 0 ? 0 : nl));
          texts.add(new Text(name + " without title", s, 0));
        }
      }
    }
    return texts;
  }
}
