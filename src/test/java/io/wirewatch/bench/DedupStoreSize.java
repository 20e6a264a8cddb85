package io.wirewatch.bench;

import io.wirewatch.avro.IndexHit;
import io.wirewatch.codec.AvroCodec;
import io.wirewatch.kafka.AvroSerde;
import io.wirewatch.kafka.dedup.DedupIndexRocksDbConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompactRangeOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

/**
 * Disk per million articles of the {@code dedup-index} window store: N articles' entries written
 * into the store exactly as {@code DedupTopology} builds it (persistent window store, 7-day window
 * plus 24 h grace, 1 ms windows, String keys, {@link AvroSerde} of {@link IndexHit}; RocksDB
 * options from {@link DedupIndexRocksDbConfig}, which {@code StreamsSettings} installs), then
 * flushed, closed and measured; then compacted without compression, with LZ4 and with ZSTD, and
 * measured each time.
 *
 * <p>Each article has 75 keys shaped as the fingerprinter makes them (1 {@code x:} of 32 hex
 * digits, 32 {@code p:} of up to 15, 42 {@code s:<16 hex>@<bucket>}), all distinct: unique news,
 * every key owned, the most the store holds. Ids are {@code ww-} and 20 hex digits as {@code
 * ArticleValidator} derives them; one article in five carries a story id. Usage: {@code
 * DedupStoreSize [articles] [state dir]}.
 */
public final class DedupStoreSize {

  private static final String STORE = "dedup-index";
  private static final int PASSAGE_KEYS = 32;
  private static final int TERM_PAIRS = 21;
  private static final long WINDOW_MILLIS = Duration.ofDays(7).toMillis();
  private static final long STORY_BUCKET_MILLIS = Duration.ofDays(3).toMillis();

  private DedupStoreSize() {}

  public static void main(String[] args) throws Exception {
    int articles = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("dedup-store-size-");
    Files.createDirectories(dir);
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "dedup-store-size");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, dir.toString());
    props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, DedupIndexRocksDbConfig.class);
    MockProcessorContext<String, String> context =
        new MockProcessorContext<>(props, new TaskId(0, 0), dir.toFile());
    Duration retention = Duration.ofDays(7).plus(Duration.ofHours(24));
    // as DedupTopology builds it; no changelog and no cache, which change nothing on local disk
    WindowStore<String, IndexHit> store =
        Stores.windowStoreBuilder(
                Stores.persistentWindowStore(STORE, retention, Duration.ofMillis(1), false),
                Serdes.String(),
                new AvroSerde<IndexHit>(IndexHit.getClassSchema()))
            .withLoggingDisabled()
            .withCachingDisabled()
            .build();
    store.init(context.getStateStoreContext(), store);

    AvroCodec<IndexHit> codec = new AvroCodec<>(IndexHit.getClassSchema());
    SplittableRandom random = new SplittableRandom(42);
    long t0 = 1_700_000_000_000L;
    long keyBytes = 0;
    long valueBytes = 0;
    long entries = 0;
    long start = System.nanoTime();
    for (int a = 0; a < articles; a++) {
      long eventTime = t0 + (long) a * WINDOW_MILLIS / articles;
      String id = "ww-" + hex(random.nextLong(), 20);
      String story = random.nextInt(5) == 0 ? "ww-" + hex(random.nextLong(), 20) : null;
      long bucket = Math.floorDiv(eventTime, STORY_BUCKET_MILLIS);
      for (String key : keys(random, bucket)) {
        IndexHit hit =
            IndexHit.newBuilder()
                .setKey(key)
                .setArticleId(id)
                .setStoryId(story)
                .setEventTime(eventTime)
                .setFeatureCount(PASSAGE_KEYS)
                .build();
        store.put(key, hit, eventTime);
        keyBytes += key.length();
        valueBytes += codec.encode(hit).length;
        entries++;
      }
    }
    store.flush();
    store.close();
    double writeSeconds = (System.nanoTime() - start) / 1e9;
    Path storeDir = dir.resolve(STORE);
    long flushed = size(storeDir, true);
    long flushedAll = size(storeDir, false);
    // as written (LZ4 from the config setter), then rewritten whole in each format for comparison
    compact(storeDir, CompressionType.NO_COMPRESSION);
    long compacted = size(storeDir, true);
    long compactedAll = size(storeDir, false);
    compact(storeDir, CompressionType.LZ4_COMPRESSION);
    long compactedLz4 = size(storeDir, true);
    compact(storeDir, CompressionType.ZSTD_COMPRESSION);
    long compactedZstd = size(storeDir, true);
    double perMillion = 1_000_000.0 / articles;
    System.out.printf(
        "%d articles, %d entries (%.1f per article) written in %.1f s%n"
            + "raw: key %.1f B, Avro value %.1f B, window-store key adds 12 B (time, seq)%n"
            + "as written (LZ4), after flush: SST %,d B, all files %,d B = %.1f B per entry%n"
            + "compacted, uncompressed: SST %,d B, all files %,d B = %.1f B per entry%n"
            + "compacted with LZ4: SST %,d B = %.1f B per entry%n"
            + "compacted with ZSTD: SST %,d B = %.1f B per entry%n"
            + "per 1,000,000 articles (linear): SST %.2f GB as written with LZ4, %.2f GB compacted"
            + " uncompressed, %.2f GB compacted with LZ4, %.2f GB compacted with ZSTD%n"
            + "state dir: %s%n",
        articles,
        entries,
        entries / (double) articles,
        writeSeconds,
        keyBytes / (double) entries,
        valueBytes / (double) entries,
        flushed,
        flushedAll,
        flushed / (double) entries,
        compacted,
        compactedAll,
        compacted / (double) entries,
        compactedLz4,
        compactedLz4 / (double) entries,
        compactedZstd,
        compactedZstd / (double) entries,
        flushed * perMillion / 1e9,
        compacted * perMillion / 1e9,
        compactedLz4 * perMillion / 1e9,
        compactedZstd * perMillion / 1e9,
        storeDir);
  }

  private static List<String> keys(SplittableRandom random, long bucket) {
    List<String> keys = new ArrayList<>(1 + PASSAGE_KEYS + 2 * TERM_PAIRS);
    keys.add("x:" + hex(random.nextLong(), 16) + hex(random.nextLong(), 16));
    for (int i = 0; i < PASSAGE_KEYS; i++) {
      keys.add("p:" + Long.toHexString(random.nextLong() >>> 1));
    }
    for (int i = 0; i < TERM_PAIRS; i++) {
      String pair = Long.toHexString(random.nextLong());
      keys.add("s:" + pair + "@" + bucket);
      keys.add("s:" + pair + "@" + (bucket + 1));
    }
    return keys;
  }

  private static String hex(long value, int digits) {
    String h = String.format("%016x", value);
    return digits <= 16 ? h.substring(0, digits) : h + "0".repeat(digits - 16);
  }

  /** Compacts every segment (each is its own RocksDB) to its smallest form. */
  private static void compact(Path storeDir, CompressionType compression) throws Exception {
    RocksDB.loadLibrary();
    try (Stream<Path> segments = Files.list(storeDir)) {
      for (Path segment : segments.filter(Files::isDirectory).toList()) {
        // Kafka Streams 4 keeps an "offsets" column family next to the data: open them all
        List<ColumnFamilyDescriptor> families = new ArrayList<>();
        try (Options options = new Options()) {
          for (byte[] name : RocksDB.listColumnFamilies(options, segment.toString())) {
            families.add(
                new ColumnFamilyDescriptor(
                    name, new ColumnFamilyOptions().setCompressionType(compression)));
          }
        }
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        try (DBOptions options = new DBOptions();
            RocksDB db = RocksDB.open(options, segment.toString(), families, handles)) {
          for (ColumnFamilyHandle handle : handles) {
            // forced, so that files already at the bottom level are rewritten in the new format
            try (CompactRangeOptions force =
                new CompactRangeOptions()
                    .setBottommostLevelCompaction(
                        CompactRangeOptions.BottommostLevelCompaction.kForce)) {
              db.compactRange(handle, null, null, force);
            }
            handle.close();
          }
        }
      }
    }
  }

  private static long size(Path dir, boolean sstOnly) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> !sstOnly || p.toString().endsWith(".sst"))
          .mapToLong(
              p -> {
                try {
                  return Files.size(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              })
          .sum();
    }
  }
}
