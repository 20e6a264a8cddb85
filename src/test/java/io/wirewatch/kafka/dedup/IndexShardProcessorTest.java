package io.wirewatch.kafka.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wirewatch.avro.DedupEnvelope;
import io.wirewatch.avro.IndexHit;
import io.wirewatch.avro.IndexRequest;
import io.wirewatch.avro.IndexRequestKind;
import io.wirewatch.dedup.IndexEntry;
import io.wirewatch.kafka.AvroSerde;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
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
    t.addSource("lookups", Serdes.String().deserializer(), REQUEST.deserializer(), "lookups");
    t.addSource("assigns", Serdes.String().deserializer(), REQUEST.deserializer(), "assigns");
    t.addProcessor("lookup", () -> new IndexShardProcessor(window, SETTLE), "lookups");
    t.addProcessor("assign", () -> new IndexShardProcessor(window, null), "assigns");
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

  private TopologyTestDriver driver() {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "index-shard-test");
    p.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
    return new TopologyTestDriver(shard(), p, T0);
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

  private static void settle(TopologyTestDriver d) {
    d.advanceWallClockTime(SETTLE.multipliedBy(2));
  }

  @Test
  void shouldHoldAReplyUntilTheStoryOfItsOwnerComes() {
    try (TopologyTestDriver d = driver()) {
      Shard shard = new Shard(d);
      long t = T0.toEpochMilli();

      shard.lookup("a", t);
      shard.lookup("b", t + 1000);
      assertEquals(List.of(List.of()), shard.replies(), "b waits for a's story");
      shard.assign("a", t, "story-1");
      shard.lookup("c", t + 2000);

      List<List<String>> out = shard.replies();
      assertEquals(List.of("a:story-1", "a:story-1"), out.get(0), "b, once a's story came");
      assertEquals(List.of("a:story-1", "a:story-1"), out.get(1), "c, after it came");
    }
  }

  /**
   * An owner's story reaches the shard a round trip after its lookup, so a later lookup can come
   * before or after it; before replies were held, a copy that came first got its canonical's own id
   * as its story.
   */
  @Test
  void shouldReplyTheSameWhetherTheOwnersStoryComesBeforeOrAfterTheLookup() {
    long t = T0.toEpochMilli();
    List<List<String>> storyFirst;
    try (TopologyTestDriver d = driver()) {
      Shard shard = new Shard(d);
      shard.lookup("a", t);
      shard.assign("a", t, "story-1");
      shard.lookup("b", t + 1000);
      storyFirst = shard.replies();
    }
    List<List<String>> lookupFirst;
    try (TopologyTestDriver d = driver()) {
      Shard shard = new Shard(d);
      shard.lookup("a", t);
      shard.lookup("b", t + 1000);
      shard.assign("a", t, "story-1");
      lookupFirst = shard.replies();
    }
    assertEquals(List.of(List.of(), List.of("a:story-1", "a:story-1")), storyFirst);
    assertEquals(storyFirst, lookupFirst);
  }

  @Test
  void shouldHoldForAnOwnerThatKeptItsOwnStory() {
    try (TopologyTestDriver d = driver()) {
      Shard shard = new Shard(d);
      long t = T0.toEpochMilli();

      shard.lookup("a", t);
      shard.lookup("b", t + 1000);
      shard.assign("a", t, "a");

      assertEquals(List.of(List.of(), List.of("a:a", "a:a")), shard.replies());
    }
  }

  @Test
  void shouldLetAReplyGoWithTheOwnersIdWhenItsStoryNeverComes() {
    try (TopologyTestDriver d = driver()) {
      Shard shard = new Shard(d);
      long t = T0.toEpochMilli();

      shard.lookup("a", t);
      shard.lookup("b", t + 1000);
      d.advanceWallClockTime(IndexShardProcessor.STORY_WAIT.minus(SETTLE));
      assertEquals(List.of(List.of()), shard.replies(), "still waiting");
      d.advanceWallClockTime(SETTLE.multipliedBy(2));

      assertEquals(List.of(List.of("a:null", "a:null")), shard.replies());
    }
  }

  /** An entry claimed before this version carries no mark that a story will come: no wait. */
  @Test
  void shouldNotHoldForAnOwnerClaimedByAnOlderVersion() {
    try (TopologyTestDriver d = driver()) {
      Shard shard = new Shard(d);
      long t = T0.toEpochMilli();
      WindowStore<String, IndexHit> index = d.getWindowStore(DedupStores.INDEX);
      for (String key : keys()) {
        index.put(key, IndexShardProcessor.toAvro(key, new IndexEntry("a", null, t, 2)), t);
      }

      shard.lookup("b", t + 1000);

      assertEquals(List.of(List.of("a:null", "a:null")), shard.replies());
    }
  }

  /** One index partition's inputs and replies, each request followed by a settle time. */
  private static final class Shard {
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, IndexRequest> lookups;
    private final TestInputTopic<String, IndexRequest> assigns;
    private final TestOutputTopic<String, DedupEnvelope> replies;

    Shard(TopologyTestDriver d) {
      driver = d;
      lookups = d.createInputTopic("lookups", Serdes.String().serializer(), REQUEST.serializer());
      assigns = d.createInputTopic("assigns", Serdes.String().serializer(), REQUEST.serializer());
      replies =
          d.createOutputTopic("replies", Serdes.String().deserializer(), ENVELOPE.deserializer());
    }

    void lookup(String id, long eventTime) {
      lookups.pipeInput(
          "shard-0", request(IndexRequestKind.LOOKUP, id, eventTime, null, keys()), T0);
      settle(driver);
    }

    void assign(String id, long eventTime, String story) {
      assigns.pipeInput(
          "shard-0", request(IndexRequestKind.ASSIGN_STORY, id, eventTime, story, keys()), T0);
      settle(driver);
    }

    /** Each reply's hits as owner:story, in the order the replies went out. */
    List<List<String>> replies() {
      return replies.readValuesToList().stream().map(IndexShardProcessorTest::owners).toList();
    }
  }

  @Test
  void shouldRecordAStoryWithOneChangelogRecordHoweverManyKeysTheOwnerHolds() {
    try (TopologyTestDriver d = driver()) {
      TestInputTopic<String, IndexRequest> lookups =
          d.createInputTopic("lookups", Serdes.String().serializer(), REQUEST.serializer());
      TestInputTopic<String, IndexRequest> assigns =
          d.createInputTopic("assigns", Serdes.String().serializer(), REQUEST.serializer());
      TestOutputTopic<String, byte[]> changelog =
          d.createOutputTopic(
              "index-shard-test-" + DedupStores.INDEX + "-changelog",
              Serdes.String().deserializer(),
              Serdes.ByteArray().deserializer());
      long t = T0.toEpochMilli();

      lookups.pipeInput("shard-0", request(IndexRequestKind.LOOKUP, "a", t, null, keys()), T0);
      settle(d);
      assertEquals(keys().size(), changelog.readRecordsToList().size());
      assigns.pipeInput(
          "shard-0", request(IndexRequestKind.ASSIGN_STORY, "a", t, "story-1", keys()), T0);
      assertEquals(1, changelog.readRecordsToList().size());
    }
  }

  private static List<String> keys() {
    return List.of("p:1f", "s:2e");
  }

  private static List<String> owners(DedupEnvelope reply) {
    return reply.getHits().stream().map(h -> h.getArticleId() + ":" + h.getStoryId()).toList();
  }
}
