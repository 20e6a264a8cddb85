package io.wirewatch.bench;

import io.wirewatch.article.Article;
import io.wirewatch.dedup.BoilerplateModel;
import io.wirewatch.dedup.DedupSettings;
import io.wirewatch.kafka.dedup.LearnedBoilerplate;
import io.wirewatch.kafka.dedup.SourceModels;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The boilerplate step's cost per 4 KB article of a source whose model is full (2,000 lines, the
 * default capacity), as the fingerprint step pays it: {@code storedModel} decodes the model from
 * its stored bytes, strips, learns and encodes it again (what every article cost before the models
 * were kept decoded); {@code decodedModel} is the fingerprint step's own code ({@link
 * SourceModels}) over a map standing for the state store: the source's head entry read and checked
 * against the one the kept model was written with, the body stripped and learned in one pass, the
 * article's lines added to the head (the model's lines written whole under their own key once every
 * {@link BoilerplateModel#MAX_APPENDED} + 1 articles). {@code bin/bench-dedup boilerplate} times
 * both in thread CPU time ({@link BoilerplateCpuTime}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx2g", "-Xms2g", "-XX:+UseParallelGC"})
public class BoilerplateBenchmark {

  private static final DedupSettings SETTINGS = DedupSettings.defaults();
  static final String SITE_LINES =
      "\nShare this article\nSubscribe to our newsletter for daily updates.\nLeave a reply";

  /** One source's articles in publication order, its model learned until full. */
  @State(Scope.Thread)
  public static class Source {
    static final String NAME = "bench.example";
    List<String> bodies;
    BoilerplateModel kept;
    byte[] stored;
    SourceModels models;
    long second;
    int next;

    @Setup
    public void setUp() {
      bodies = new ArrayList<>();
      for (Article a : DedupBenchmark.articles(1024, 7)) {
        bodies.add(a.body() + SITE_LINES);
      }
      kept = new BoilerplateModel(SETTINGS);
      second = DedupBenchmark.T0.getEpochSecond();
      for (int i = 0; i < 600; i++) {
        kept.learn(bodies.get(i), Instant.ofEpochSecond(second += 60));
      }
      if (kept.size() < SETTINGS.boilerplateCapacity()) {
        throw new IllegalStateException("the model is not full: " + kept.size() + " lines");
      }
      stored = kept.toBytes();
      models =
          new SourceModels(
              new LearnedBoilerplate(SETTINGS),
              new CopyingEntries(),
              Duration.ofDays(7).toMillis(),
              32);
      second = DedupBenchmark.T0.getEpochSecond();
      for (int i = 0; i < 600; i++) {
        models.stripAndLearn(NAME, bodies.get(i), Instant.ofEpochSecond(second += 60));
      }
    }

    String nextBody() {
      return bodies.get(next++ & 1023);
    }

    Instant nextTime() {
      return Instant.ofEpochSecond(second += 60);
    }
  }

  @Benchmark
  public String storedModel(Source s) {
    BoilerplateModel model = BoilerplateModel.fromBytes(s.stored, SETTINGS);
    String body = s.nextBody();
    Instant t = s.nextTime();
    String stripped = model.strip(body, t);
    model.learn(body, t);
    s.stored = model.toBytes();
    return stripped;
  }

  @Benchmark
  public String decodedModel(Source s) {
    return stripAndLearn(s, s.nextBody(), s.nextTime());
  }

  /**
   * {@code body} stripped and learned by the source's kept model as the fingerprint step does it
   * ({@link SourceModels}).
   */
  static String stripAndLearn(Source s, String body, Instant publishedAt) {
    return s.models.stripAndLearn(Source.NAME, body, publishedAt);
  }

  /**
   * A map standing for the state store: a read hands back a copy of the bytes written, as a RocksDB
   * read does.
   */
  private static final class CopyingEntries implements SourceModels.Entries {
    private final Map<String, byte[]> map = new HashMap<>();

    @Override
    public byte[] get(String key) {
      byte[] value = map.get(key);
      return value == null ? null : value.clone();
    }

    @Override
    public void put(String key, byte[] value) {
      map.put(key, value);
    }

    @Override
    public void delete(String key) {
      map.remove(key);
    }
  }
}
