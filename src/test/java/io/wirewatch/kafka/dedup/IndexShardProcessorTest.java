package io.wirewatch.kafka.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wirewatch.avro.DedupEnvelope;
import io.wirewatch.avro.IndexHit;
import io.wirewatch.avro.IndexRequest;
import io.wirewatch.avro.IndexRequestKind;
import io.wirewatch.kafka.AvroSerde;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexShardProcessorTest {

  private static final Instant T0 = Instant.parse("2026-03-03T10:00:00Z");
  private static final Duration SETTLE = Duration.ofMillis(100);
  private static final AvroSerde<IndexRequest> REQUEST =
      new AvroSerde<>(IndexRequest.getClassSchema());
  private static final AvroSerde<DedupEnvelope> ENVELOPE =
      new AvroSerde<>(DedupEnvelope.getClassSchema());

  @TempDir Path state;

  /** The index's two processors on one task, as the dedup topology places them. */
  private static Topology shard() {
    long window = Duration.ofDays(7).toMillis();
    Topology t = new Topology();
    HeldAnswersByTask held = new HeldAnswersByTask();
    t.addSource("lookups", Serdes.String().deserializer(), REQUEST.deserializer(), "lookups");
    t.addSource("assigns", Serdes.String().deserializer(), REQUEST.deserializer(), "assigns");
    t.addProcessor("lookup", () -> new IndexShardProcessor(window, SETTLE, held, 4), "lookups");
    t.addProcessor("assign", () -> new IndexShardProcessor(window, null, held, 4), "assigns");
    t.addSink("replies", "replies", Serdes.String().serializer(), ENVELOPE.serializer(), "lookup");
    t.addStateStore(
        Stores.windowStoreBuilder(
            Stores.persistentWindowStore(
                DedupStores.INDEX, Duration.ofDays(8), Duration.ofMillis(1), false),
            Serdes.String(),
            new AvroSerde<IndexHit>(IndexHit.getClassSchema())),
        "lookup",
        "assign");
    t.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(DedupStores.INBOX), Serdes.String(), REQUEST),
        "lookup");
    t.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(DedupStores.HELD), Serdes.String(), ENVELOPE),
        "lookup");
    t.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(DedupStores.INDEX_WATERMARKS),
            Serdes.String(),
            Serdes.Long()),
        "lookup");
    return t;
  }

  /** One shard on a test driver, with its two inputs and its replies. */
  private static final class Shard implements AutoCloseable {
    final TopologyTestDriver d;
    final TestInputTopic<String, IndexRequest> lookups;
    final TestInputTopic<String, IndexRequest> assigns;
    final TestOutputTopic<String, DedupEnvelope> replies;

    Shard(Path state) {
      Properties p = new Properties();
      p.put(StreamsConfig.APPLICATION_ID_CONFIG, "index-shard-test");
      p.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
      d = new TopologyTestDriver(shard(), p, T0);
      lookups = d.createInputTopic("lookups", Serdes.String().serializer(), REQUEST.serializer());
      assigns = d.createInputTopic("assigns", Serdes.String().serializer(), REQUEST.serializer());
      replies =
          d.createOutputTopic("replies", Serdes.String().deserializer(), ENVELOPE.deserializer());
    }

    void lookup(String articleId, long eventTime, List<String> keys) {
      lookups.pipeInput(
          "shard-0", request(IndexRequestKind.LOOKUP, articleId, eventTime, null, keys), T0);
    }

    void assign(String articleId, long eventTime, String storyId, List<String> keys) {
      assigns.pipeInput(
          "shard-0",
          request(IndexRequestKind.ASSIGN_STORY, articleId, eventTime, storyId, keys),
          T0);
    }

    void query(String articleId, long eventTime, List<String> owners) {
      assigns.pipeInput(
          "shard-0", request(IndexRequestKind.STORY_QUERY, articleId, eventTime, null, owners), T0);
    }

    void settle() {
      d.advanceWallClockTime(SETTLE.multipliedBy(2));
    }

    /** The owners named in each reply since the last read, as "owner:story". */
    List<List<String>> ownersReplied() {
      return readReplies().stream().map(IndexShardProcessorTest::owners).toList();
    }

    /** The replies since the last read, one by one whether or not they came in a batch. */
    List<DedupEnvelope> readReplies() {
      return replies.readValuesToList().stream()
          .flatMap(r -> Carriers.envelopes(r).stream())
          .toList();
    }

    @Override
    public void close() {
      d.close();
    }
  }

  private static IndexRequest request(
      IndexRequestKind kind, String articleId, long eventTime, String storyId, List<String> keys) {
    return IndexRequest.newBuilder()
        .setKind(kind)
        .setArticleId(articleId)
        .setEventTime(eventTime)
        .setStoryId(storyId)
        .setFeatureCount(keys.size())
        .setKeys(keys)
        .build();
  }

  @Test
  void shouldReportTheStoryAnOwnerJoinedWithEveryKeyItOwns() {
    try (Shard shard = new Shard(state)) {
      long t = T0.toEpochMilli();

      shard.lookup("a", t, keys());
      shard.settle();
      shard.lookup("b", t + 1000, keys());
      shard.settle();
      shard.assign("a", t, "story-1", List.of());
      shard.lookup("c", t + 2000, keys());
      shard.settle();

      List<DedupEnvelope> out = shard.readReplies();
      assertEquals(List.of(), out.get(0).getHits());
      // before the assignment: a's story is still to come
      assertEquals(List.of("a:", "a:"), owners(out.get(1)));
      assertEquals(List.of("a:story-1", "a:story-1"), owners(out.get(2)));
    }
  }

  @Test
  void shouldClaimTheLookupsOfABatchAsIfEachCameAlone() {
    try (Shard shard = new Shard(state)) {
      long t = T0.toEpochMilli();
      // the later one first: the inbox takes them in event-time order whatever their order here
      IndexRequest later = request(IndexRequestKind.LOOKUP, "b", t + 1000, null, keys());
      IndexRequest earlier = request(IndexRequestKind.LOOKUP, "a", t, null, keys());
      shard.lookups.pipeInput("shard-0", Carriers.ofRequests(List.of(later, earlier)), T0);
      assertEquals(2, entries(shard.d.getKeyValueStore(DedupStores.INBOX)), "an entry per lookup");
      shard.settle();

      Map<String, List<String>> owners = new TreeMap<>();
      for (var r : shard.replies.readKeyValuesToList()) {
        for (DedupEnvelope reply : Carriers.envelopes(r.value)) {
          owners.put(Carriers.articleId(r.key, reply), owners(reply));
        }
      }
      assertEquals(Map.of("a", List.of(), "b", List.of("a:", "a:")), owners);
      assertEquals(0, entries(shard.d.getKeyValueStore(DedupStores.INBOX)));
    }
  }

  @Test
  void shouldRecordAStoryWithOneChangelogRecordHoweverManyKeysTheOwnerHolds() {
    try (Shard shard = new Shard(state)) {
      TestOutputTopic<String, byte[]> changelog =
          shard.d.createOutputTopic(
              "index-shard-test-" + DedupStores.INDEX + "-changelog",
              Serdes.String().deserializer(),
              Serdes.ByteArray().deserializer());
      long t = T0.toEpochMilli();

      shard.lookup("a", t, keys());
      shard.settle();
      assertEquals(keys().size(), changelog.readRecordsToList().size());
      shard.assign("a", t, "story-1", keys());
      assertEquals(1, changelog.readRecordsToList().size());
    }
  }

  @Test
  void shouldAnswerAStoryQueryOnceTheOwnersStoryIsRecorded() {
    try (Shard shard = new Shard(state)) {
      long t = T0.toEpochMilli();
      shard.lookup("a", t, keys());
      shard.lookup("z", t + 10, List.of("p:9"));
      shard.settle();
      shard.readReplies();

      // b asks twice in one task (its two partitions' shards live on one here): a, then z
      shard.query("b", t + 1000, List.of("a"));
      shard.query("b", t + 1000, List.of("z"));
      shard.settle();
      assertEquals(List.of(), shard.readReplies());

      shard.assign("a", t, "story-1", keys());
      shard.settle();
      List<DedupEnvelope> first = shard.readReplies();
      assertEquals(1, first.size());
      assertEquals(true, first.get(0).getIsStoryAnswer());
      assertEquals(List.of("a:story-1"), owners(first.get(0)));

      shard.assign("z", t + 10, "z", List.of("p:9"));
      // a query for a recorded story is answered at once
      shard.query("c", t + 2000, List.of("a"));
      shard.settle();
      assertEquals(List.of(List.of("z:z"), List.of("a:story-1")), shard.ownersReplied());
    }
  }

  @Test
  void shouldKeepAnAnswerReadyAtOnceInTheStoreUntilItIsSent() {
    try (Shard shard = new Shard(state)) {
      long t = T0.toEpochMilli();
      shard.lookup("a", t, keys());
      shard.settle();
      shard.assign("a", t, "story-1", keys());
      shard.settle();
      shard.readReplies();

      // answered at once, but sent only at the next release: a commit before it must keep it
      shard.query("c", t + 2000, List.of("a"));
      KeyValueStore<String, DedupEnvelope> held = shard.d.getKeyValueStore(DedupStores.HELD);
      assertEquals(1, entries(held));
      shard.settle();
      assertEquals(List.of(List.of("a:story-1")), shard.ownersReplied());
      assertEquals(0, entries(held));
    }
  }

  private static int entries(KeyValueStore<String, ?> store) {
    int n = 0;
    try (KeyValueIterator<String, ?> it = store.all()) {
      for (; it.hasNext(); it.next()) {
        n++;
      }
    }
    return n;
  }

  private static List<String> keys() {
    return List.of("p:1f", "s:2e");
  }

  private static List<String> owners(DedupEnvelope reply) {
    return reply.getHits().stream().map(h -> h.getArticleId() + ":" + h.getStoryId()).toList();
  }
}
