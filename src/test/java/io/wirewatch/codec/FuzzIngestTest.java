package io.wirewatch.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wirewatch.alert.RuleBook;
import io.wirewatch.app.Wirewatch;
import io.wirewatch.article.ArticleValidator;
import io.wirewatch.article.Validation;
import io.wirewatch.avro.Article;
import io.wirewatch.avro.EnrichedArticle;
import io.wirewatch.config.WirewatchConfig;
import io.wirewatch.kafka.StreamsSettings;
import io.wirewatch.kafka.Topics;
import io.wirewatch.kafka.ValidateTopology;
import io.wirewatch.kafka.WirewatchTopology;
import io.wirewatch.kafka.alert.RuleCatalog;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded, bounded fuzzing of the ingest topic through the whole production topology: valid JSON and
 * Avro articles interleaved with mutants of them (bit flips, truncation, stray {@code {["},
 * enormous numbers, deep nesting, invalid UTF-8, random and damaged Avro single-object bytes).
 *
 * <p>The oracle is the decoder and validator on their own: a mutant they accept is a valid article
 * (many flips land harmlessly in the body), one they refuse is invalid. The pipeline must then
 * account for every record exactly once: each valid one enriched once under its id, each invalid
 * one in news.articles.rejected under its own key with the oracle's {@code ww.error.code}, nothing
 * dropped, nothing thrown. Reproduce a failure with {@code -Dwirewatch.fuzz.seed=N}.
 */
class FuzzIngestTest {

  private static final long SEED = Long.getLong("wirewatch.fuzz.seed", 8_2026L);
  private static final int RECORDS = Integer.getInteger("wirewatch.fuzz.records", 3000);
  private static final int MAX_BODY = ArticleValidator.DEFAULT_MAX_BODY_CHARS;
  private static final AvroCodec<Article> AVRO = new AvroCodec<>(Article.getClassSchema());
  private static final String[] WORDS =
      ("harbour council storm minister railway budget election river bridge festival museum"
              + " strike vaccine drought harvest court verdict airport tunnel school hospital"
              + " wildfire earthquake summit treaty border tariff export market currency bank")
          .split(" ");
  private static final byte[][] INVALID_UTF8 = {
    {(byte) 0xFF},
    {(byte) 0xC3, 0x28},
    {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
    {(byte) 0x80},
    {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
    {(byte) 0xC0, (byte) 0xAF}
  };

  @TempDir Path state;

  @Test
  void shouldEnrichEveryValidRecordOnceAndRejectEveryInvalidOneWithACode() {
    // bounded in records (3,000, about 35 s on one idle core); the time limit only turns a hang in
    // some stage into a failure, and is generous because CI shares its two cores with other builds
    assertTimeoutPreemptively(Duration.ofMinutes(4), this::fuzz);
  }

  private void fuzz() throws Exception {
    Random random = new Random(SEED);
    Properties p = new Properties();
    p.setProperty(WirewatchConfig.STATE_DIR.key(), state.toString());
    WirewatchConfig config = WirewatchConfig.of(p);
    Properties streams = StreamsSettings.of(config);
    streams.put(StreamsConfig.APPLICATION_ID_CONFIG, "wirewatch-fuzz");
    Instant clock = Instant.parse("2026-03-03T10:00:00Z");
    RawArticleDecoder decoder = new RawArticleDecoder(MAX_BODY * 4 + 64 * 1024);
    ArticleValidator validator = new ArticleValidator(MAX_BODY);

    Map<String, Integer> expectedEnriched = new TreeMap<>();
    Map<String, String> expectedRejected = new HashMap<>();
    Map<String, String> mutationOf = new HashMap<>();
    int validMutants = 0;
    try (TopologyTestDriver driver =
        new TopologyTestDriver(
            WirewatchTopology.build(Wirewatch.stages(config, new RuleCatalog(new RuleBook()))),
            streams,
            clock)) {
      TestInputTopic<byte[], byte[]> raw =
          driver.createInputTopic(
              Topics.RAW.name(), Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer());
      TestOutputTopic<String, EnrichedArticle> enriched =
          driver.createOutputTopic(
              Topics.ENRICHED.name(),
              Serdes.String().deserializer(),
              Topics.ENRICHED_AVRO.deserializer());
      TestOutputTopic<byte[], byte[]> rejected =
          driver.createOutputTopic(
              Topics.REJECTED.name(),
              Serdes.ByteArray().deserializer(),
              Serdes.ByteArray().deserializer());

      for (int i = 0; i < RECORDS; i++) {
        String key = "rec-" + i;
        byte[] value;
        String mutation;
        if (i % 3 == 0) {
          // an untouched valid article every third record: the stream keeps flowing around damage
          value = validArticle(random, i);
          mutation = "none";
        } else {
          Mutant m = mutate(random, i);
          value = m.bytes();
          mutation = m.name();
        }
        clock = clock.plusSeconds(5);
        Validation oracle = oracle(decoder, validator, value, clock);
        if (oracle instanceof Validation.Accepted a) {
          expectedEnriched.merge(a.article().id(), 1, Integer::sum);
          if (!mutation.equals("none")) {
            validMutants++;
          }
        } else if (oracle instanceof Validation.Rejected r) {
          expectedRejected.put(key, r.rejection().code().name());
        } else {
          expectedRejected.put(key, null); // the oracle threw: any code will do, but rejected
        }
        mutationOf.put(key, mutation);
        raw.pipeInput(
            new TestRecord<>(
                key.getBytes(StandardCharsets.UTF_8), value, new RecordHeaders(), clock));
        // the dedup shards' settle time passes between articles, as in production
        driver.advanceWallClockTime(Duration.ofSeconds(2));
      }
      driver.advanceWallClockTime(Duration.ofMinutes(1));
      driver.advanceWallClockTime(Duration.ofMinutes(1));

      Map<String, Integer> gotEnriched = new TreeMap<>();
      for (var r : enriched.readRecordsToList()) {
        gotEnriched.merge(r.key(), 1, Integer::sum);
      }
      Map<String, String> gotRejected = new HashMap<>();
      for (var r : rejected.readRecordsToList()) {
        String key = new String(r.key(), StandardCharsets.UTF_8);
        Header code = r.headers().lastHeader(ValidateTopology.ERROR_CODE_HEADER);
        assertNotNull(code, "rejected " + key + " (" + mutationOf.get(key) + ") has no code");
        assertNotNull(r.headers().lastHeader(ValidateTopology.ERROR_MESSAGE_HEADER), key);
        String previous = gotRejected.put(key, new String(code.value(), StandardCharsets.UTF_8));
        assertEquals(null, previous, key + " was rejected twice");
      }

      assertEquals(
          expectedEnriched, gotEnriched, "enriched ids and their counts (seed " + SEED + ")");
      assertEquals(
          new TreeMap<>(expectedRejected).keySet(),
          new TreeMap<>(gotRejected).keySet(),
          "rejected record keys (seed " + SEED + ")");
      for (var e : expectedRejected.entrySet()) {
        if (e.getValue() != null) {
          assertEquals(
              e.getValue(),
              gotRejected.get(e.getKey()),
              e.getKey() + " (" + mutationOf.get(e.getKey()) + ")");
        }
      }
      // the fuzzer must really exercise both sides, and mutants that stay valid
      assertTrue(expectedRejected.size() > RECORDS / 3, "rejected: " + expectedRejected.size());
      assertTrue(validMutants > 0, "no mutant stayed valid; the valid-mutant path went untested");
      assertTrue(
          gotRejected.values().stream().distinct().count() >= 5,
          "rejection codes seen: " + new TreeMap<>(countBy(gotRejected)));
      // a last valid article after everything: the pipeline is still alive
      byte[] last = validArticle(random, RECORDS);
      raw.pipeInput(new TestRecord<>("last".getBytes(StandardCharsets.UTF_8), last, null, clock));
      // the fingerprint inbox settles, then the index shards' inbox
      driver.advanceWallClockTime(Duration.ofMinutes(1));
      driver.advanceWallClockTime(Duration.ofMinutes(1));
      assertEquals("fuzz-" + RECORDS, enriched.readValue().getId());
    }
  }

  private static Map<String, Integer> countBy(Map<String, String> codes) {
    Map<String, Integer> out = new HashMap<>();
    codes.values().forEach(c -> out.merge(c, 1, Integer::sum));
    return out;
  }

  /** What decoding and validation alone make of the bytes; null if they threw. */
  private static Validation oracle(
      RawArticleDecoder decoder, ArticleValidator validator, byte[] value, Instant receivedAt) {
    try {
      RawArticleDecoder.Decoded d = decoder.decode(value);
      if (d.rejection() != null) {
        return new Validation.Rejected(d.rejection());
      }
      return validator.validate(d.fields(), receivedAt);
    } catch (RuntimeException | StackOverflowError e) {
      return null;
    }
  }

  private record Mutant(String name, byte[] bytes) {}

  private static Mutant mutate(Random random, int i) {
    boolean avro = random.nextInt(3) == 0;
    byte[] base = avro ? avroBytes(random, i) : jsonBytes(random, i);
    switch (random.nextInt(avro ? 6 : 8)) {
      case 0:
        return new Mutant("flip", flip(random, base, 1 + random.nextInt(4), avro ? 10 : 0));
      case 1:
        return new Mutant("truncate", Arrays.copyOf(base, random.nextInt(base.length)));
      case 2:
        return new Mutant("insert-brackets", insert(random, base, brackets(random), avro));
      case 3:
        if (avro) {
          // right magic and fingerprint, random body: the decoder sees a plausible header
          byte[] junk = new byte[random.nextInt(200)];
          random.nextBytes(junk);
          return new Mutant("avro-random-body", concat(Arrays.copyOf(base, 10), junk));
        }
        return new Mutant("huge-number", hugeNumber(random, i));
      case 4:
        if (avro) {
          byte[] junk = new byte[random.nextInt(64)];
          random.nextBytes(junk);
          return new Mutant("avro-random", concat(AvroCodec.MAGIC, junk));
        }
        return new Mutant("deep-nesting", deepNesting(random, i));
      case 5:
        if (avro) {
          // a huge varint length claim right after the header
          byte[] claim = {(byte) 0xFE, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F};
          return new Mutant("avro-length-bomb", concat(Arrays.copyOf(base, 10), claim));
        }
        return new Mutant("invalid-utf8", insert(random, base, pick(random, INVALID_UTF8), false));
      case 6:
        return new Mutant("empty", random.nextBoolean() ? new byte[0] : null);
      default:
        return new Mutant("wrong-types", wrongTypes(random, i));
    }
  }

  private static byte[] validArticle(Random random, int i) {
    return random.nextInt(3) == 0 ? avroBytes(random, i) : jsonBytes(random, i);
  }

  private static String body(Random random, int i) {
    StringBuilder sb = new StringBuilder("Bulletin ").append(i).append(" of the fuzz run.");
    int words = 20 + random.nextInt(60);
    for (int w = 0; w < words; w++) {
      sb.append(w % 12 == 0 ? ". " : " ").append(WORDS[random.nextInt(WORDS.length)]);
    }
    return sb.append('.').toString();
  }

  private static String id(int i, Random random) {
    // a random suffix, so a flipped id can't collide with another record's
    return "fuzz-" + i + (i % 3 == 0 ? "" : "-" + HexFormat.of().toHexDigits(random.nextInt()));
  }

  private static byte[] jsonBytes(Random random, int i) {
    var o = JsonViews.MAPPER.createObjectNode();
    o.put("id", i % 3 == 0 ? "fuzz-" + i : id(i, random));
    o.put("source", "wire-" + random.nextInt(5) + ".example");
    o.put("title", "Report " + i + " on the " + WORDS[random.nextInt(WORDS.length)]);
    o.put("body", body(random, i));
    if (random.nextBoolean()) {
      o.put("publishedAt", Instant.parse("2026-03-01T00:00:00Z").plusSeconds(i * 7L).toString());
    }
    return JsonViews.write(o).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] avroBytes(Random random, int i) {
    return AVRO.encode(
        Article.newBuilder()
            .setId(i % 3 == 0 ? "fuzz-" + i : id(i, random))
            .setSource("wire-" + random.nextInt(5) + ".example")
            .setTitle("Dispatch " + i)
            .setBody(body(random, i))
            .setLanguage("en")
            .build());
  }

  private static byte[] flip(Random random, byte[] in, int bits, int from) {
    byte[] out = in.clone();
    for (int b = 0; b < bits && out.length > from; b++) {
      int at = from + random.nextInt(out.length - from);
      out[at] ^= (byte) (1 << random.nextInt(8));
    }
    return out;
  }

  private static byte[] brackets(Random random) {
    StringBuilder sb = new StringBuilder();
    int n = 1 + random.nextInt(6);
    for (int k = 0; k < n; k++) {
      sb.append("{[\"".charAt(random.nextInt(3)));
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] insert(Random random, byte[] in, byte[] what, boolean avro) {
    int from = avro ? 10 : 0;
    int at = from + random.nextInt(Math.max(1, in.length - from));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(in, 0, at);
    out.writeBytes(what);
    out.write(in, at, in.length - at);
    return out.toByteArray();
  }

  private static byte[] hugeNumber(Random random, int i) {
    String n =
        switch (random.nextInt(4)) {
          case 0 -> "1e999999999";
          case 1 -> "-" + "9".repeat(1 + random.nextInt(20_000));
          case 2 -> "0." + "0".repeat(5000) + "1e-99999";
          default -> "123456789012345678901234567890123456789";
        };
    String field = random.nextBoolean() ? "title" : "extra";
    return ("{\"id\":\""
            + id(i, random)
            + "\",\""
            + field
            + "\":"
            + n
            + ",\"body\":\"Numbers "
            + i
            + " grew.\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] deepNesting(Random random, int i) {
    int depth = random.nextInt(10) == 0 ? 100_000 : 1 + random.nextInt(3000);
    boolean arrays = random.nextBoolean();
    String open = arrays ? "[" : "{\"a\":";
    String close = arrays ? "]" : "}";
    return ("{\"id\":\""
            + id(i, random)
            + "\",\"body\":\"Deep "
            + i
            + ".\",\"x\":"
            + open.repeat(depth)
            + "1"
            + close.repeat(depth)
            + "}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] wrongTypes(Random random, int i) {
    String[] variants = {
      "{\"id\":\"" + id(i, random) + "\",\"title\":42,\"body\":\"Typed " + i + ".\"}",
      "{\"id\":\"" + id(i, random) + "\",\"body\":{\"nested\":true}}",
      "{\"id\":\"" + id(i, random) + "\",\"body\":\"Authors " + i + ".\",\"authors\":\"x\"}",
      "[1,2,3]",
      "\"just a string\"",
      "null",
      "{\"id\":\"" + id(i, random) + "\",\"body\":\"   \"}",
    };
    return pick(random, variants).getBytes(StandardCharsets.UTF_8);
  }

  private static <T> T pick(Random random, T[] options) {
    return options[random.nextInt(options.length)];
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
