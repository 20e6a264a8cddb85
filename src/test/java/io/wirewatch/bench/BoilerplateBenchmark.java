package io.wirewatch.bench;

import io.wirewatch.article.Article;
import io.wirewatch.dedup.BoilerplateModel;
import io.wirewatch.dedup.DedupSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * were kept decoded); {@code decodedModel} checks the stored bytes against the ones the kept model
 * was written as, strips and learns in one pass, and adds the article's lines to the stored bytes
 * (writing the model whole once every {@link BoilerplateModel#MAX_APPENDED} + 1 articles). {@code
 * bin/bench-dedup boilerplate} times both in thread CPU time ({@link BoilerplateCpuTime}).
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
    List<String> bodies;
    BoilerplateModel kept;
    byte[] stored;
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
   * {@code body} stripped and learned by the source's kept model as the fingerprint step does it:
   * the stored bytes read and checked against the ones the model was written as, the article's
   * lines added to them (or the model written whole).
   */
  static String stripAndLearn(Source s, String body, Instant publishedAt) {
    // what a store read hands back: a copy of the bytes written last
    byte[] read = s.stored.clone();
    if (!Arrays.equals(read, s.stored)) {
      throw new IllegalStateException("the store changed under the kept model");
    }
    String stripped = s.kept.stripAndLearn(body, publishedAt);
    byte[] appendix = s.kept.appendix();
    if (appendix == null) {
      s.stored = s.kept.toBytes();
    } else {
      byte[] grown = Arrays.copyOf(s.stored, s.stored.length + appendix.length);
      System.arraycopy(appendix, 0, grown, s.stored.length, appendix.length);
      s.stored = grown;
    }
    return stripped;
  }
}
