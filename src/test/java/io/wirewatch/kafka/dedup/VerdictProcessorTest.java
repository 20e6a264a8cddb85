package io.wirewatch.kafka.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wirewatch.avro.DedupEnvelope;
import io.wirewatch.avro.DedupPending;
import io.wirewatch.avro.EnrichedArticle;
import io.wirewatch.avro.IndexHit;
import io.wirewatch.avro.IndexRequest;
import io.wirewatch.avro.IndexRequestKind;
import io.wirewatch.dedup.DedupSettings;
import io.wirewatch.dedup.IndexEntry;
import io.wirewatch.dedup.PassageVerdictDecider;
import io.wirewatch.kafka.AvroSerde;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verdict step's side of story queries: an article whose story hangs on an earlier owner still
 * undecided asks for that owner's story and is decided only with the answer; the integration tests
 * see this only as the same story ids with and without a crash.
 */
class VerdictProcessorTest {

  private static final Instant T0 = Instant.parse("2026-03-03T10:00:00Z");
  private static final int SHARDS = 16;
  private static final int PARTITIONS = 4;
  private static final IndexRequestKind ASSIGN = IndexRequestKind.ASSIGN_STORY;
  private static final AvroSerde<DedupEnvelope> ENVELOPE =
      new AvroSerde<>(DedupEnvelope.getClassSchema());
  // three distinct term pairs: enough votes for a story (DedupSettings' storyVotes)
  private static final List<String> STORY_KEYS = List.of("s:aa01@7", "s:bb02@7", "s:cc03@7");

  @TempDir Path state;
  private final List<VerdictOut> out = new ArrayList<>();
  private TopologyTestDriver driver;
  private TestInputTopic<String, DedupEnvelope> envelopes;

  @BeforeEach
  void start() {
    Topology t = new Topology();
    t.addSource("envelopes", Serdes.String().deserializer(), ENVELOPE.deserializer(), "in");
    t.addProcessor(
        "verdict",
        () ->
            new VerdictProcessor(
                new PassageVerdictDecider(DedupSettings.defaults()), SHARDS, PARTITIONS),
        "envelopes");
    t.addProcessor("capture", Capture::new, "verdict");
    t.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(DedupStores.PENDING),
            Serdes.String(),
            new AvroSerde<DedupPending>(DedupPending.getClassSchema())),
        "verdict");
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "verdict-test");
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    p.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
    driver = new TopologyTestDriver(t, p);
    envelopes = driver.createInputTopic("in", Serdes.String().serializer(), ENVELOPE.serializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  /** Collects what the verdict step forwards; the test driver runs it in the calling thread. */
  private final class Capture implements Processor<String, VerdictOut, Void, Void> {
    @Override
    public void process(Record<String, VerdictOut> record) {
      out.add(record.value());
    }
  }

  @Test
  void shouldAskForAnUndecidedOwnersStoryAndDecideWithTheAnswer() {
    arrive("later", T0.plusSeconds(60), owner("earlier", IndexEntry.STORY_TO_COME, T0));

    List<IndexRequest> queries = requests(IndexRequestKind.STORY_QUERY);
    assertEquals(1, queries.size(), "one query: the owner's keys live on one partition");
    assertEquals(List.of("earlier"), queries.get(0).getKeys());
    assertTrue(verdicts().isEmpty(), "no verdict before the owner's story is known");

    answer("later", "earlier", "story-of-the-event");

    List<EnrichedArticle> verdicts = verdicts();
    assertEquals(1, verdicts.size());
    assertEquals("story-of-the-event", verdicts.get(0).getDedup().getStoryId());
    assertEquals("UNIQUE", verdicts.get(0).getDedup().getStatus());
    assertEquals(1, requests(IndexRequestKind.ASSIGN_STORY).size(), "the story goes to its shard");
  }

  @Test
  void shouldDecideAtOnceWhenTheOwnersStoryIsKnown() {
    arrive("later", T0.plusSeconds(60), owner("earlier", "story-of-the-event", T0));

    assertTrue(requests(IndexRequestKind.STORY_QUERY).isEmpty());
    assertEquals(1, verdicts().size());
    assertEquals("story-of-the-event", verdicts().get(0).getDedup().getStoryId());
  }

  @Test
  void shouldDropAnAnswerForAnArticleAlreadyDecided() {
    arrive("later", T0.plusSeconds(60), owner("earlier", "story-of-the-event", T0));
    int sent = out.size();
    answer("later", "earlier", "another-story");

    assertEquals(sent, out.size(), "the late answer forwards nothing: no verdict, no request");
    assertEquals(1, verdicts().size());
    assertEquals("story-of-the-event", verdicts().get(0).getDedup().getStoryId());
  }

  @Test
  void shouldDecideWithTheOwnersOwnIdWhenTheAnswerNeverComes() {
    arrive("later", T0.plusSeconds(60), owner("earlier", IndexEntry.STORY_TO_COME, T0));
    assertTrue(verdicts().isEmpty());

    // stream time moves past the staleness bound with an unrelated article's record
    Instant muchLater = T0.plus(VerdictProcessor.STALE_AFTER).plus(Duration.ofMinutes(5));
    envelopes.pipeInput(
        "unrelated",
        DedupEnvelope.newBuilder()
            .setArticle(article("unrelated", muchLater))
            .setExpectedReplies(1)
            .build(),
        muchLater);

    List<EnrichedArticle> verdicts = verdicts();
    assertEquals(1, verdicts.size(), "only the stale article is decided");
    assertEquals("later", verdicts.get(0).getId());
    assertEquals("earlier", verdicts.get(0).getDedup().getStoryId());
  }

  @Test
  void shouldTakeEachEnvelopeOfABatchAsIfItCameAlone() {
    List<DedupEnvelope> batch = new ArrayList<>();
    batch.addAll(ownRecordAndReply("first", T0, List.of()));
    batch.addAll(ownRecordAndReply("second", T0.plusSeconds(60), owner("first", "first", T0)));
    envelopes.pipeInput("first", Carriers.ofEnvelopes(batch), T0.plusSeconds(60));

    List<EnrichedArticle> verdicts = verdicts();
    assertEquals(List.of("first", "second"), verdicts.stream().map(a -> a.getId()).toList());
    assertEquals("first", verdicts.get(1).getDedup().getStoryId());
    List<IndexRequest> assigned = requests(IndexRequestKind.ASSIGN_STORY);
    assertEquals(
        List.of("first", "second"),
        assigned.stream().map(IndexRequest::getArticleId).distinct().sorted().toList());
    // as many as the two would send alone, in at most one record per index partition
    List<String> firstKeys = new ArrayList<>(List.of("x:first"));
    firstKeys.addAll(STORY_KEYS);
    assertEquals(
        IndexKeys.requests(ASSIGN, "first", 0, "first", 0, firstKeys, SHARDS, PARTITIONS).size()
            + IndexKeys.requests(
                    ASSIGN, "second", 0, "first", 0, List.of("x:second"), SHARDS, PARTITIONS)
                .size(),
        assigned.size());
    assertTrue(out.stream().filter(o -> o.assignment() != null).count() <= PARTITIONS);
  }

  /** An article's own record and the one shard reply it waits for, naming {@code hits}' owner. */
  private void arrive(String id, Instant at, List<IndexHit> hits) {
    for (DedupEnvelope e : ownRecordAndReply(id, at, hits)) {
      // alone, as earlier versions sent them: the record's key names the article
      e.setArticleId("");
      envelopes.pipeInput(id, e, at);
    }
  }

  /** The two as they travel in a batch, each naming its article. */
  private static List<DedupEnvelope> ownRecordAndReply(String id, Instant at, List<IndexHit> hits) {
    List<String> own = new ArrayList<>();
    own.add("x:" + id);
    own.addAll(STORY_KEYS);
    return List.of(
        DedupEnvelope.newBuilder()
            .setArticle(article(id, at))
            .setExpectedReplies(1)
            .setOwnKeys(own)
            .setArticleId(id)
            .build(),
        DedupEnvelope.newBuilder().setIsReply(true).setHits(hits).setArticleId(id).build());
  }

  private void answer(String asker, String owner, String storyId) {
    IndexHit story =
        IndexHit.newBuilder()
            .setKey("")
            .setArticleId(owner)
            .setStoryId(storyId)
            .setEventTime(T0.toEpochMilli())
            .setFeatureCount(10)
            .build();
    envelopes.pipeInput(
        asker,
        DedupEnvelope.newBuilder().setIsStoryAnswer(true).setHits(List.of(story)).build(),
        T0.plusSeconds(61));
  }

  /** The owner's hit on each of the article's story keys. */
  private static List<IndexHit> owner(String ownerId, String storyId, Instant at) {
    List<IndexHit> hits = new ArrayList<>();
    for (String key : STORY_KEYS) {
      hits.add(
          IndexHit.newBuilder()
              .setKey(key)
              .setArticleId(ownerId)
              .setStoryId(storyId)
              .setEventTime(at.toEpochMilli())
              .setFeatureCount(10)
              .build());
    }
    return hits;
  }

  private static EnrichedArticle article(String id, Instant at) {
    return EnrichedArticle.newBuilder()
        .setId(id)
        .setBody("body of " + id)
        .setReceivedAt(at.toEpochMilli())
        .setPublishedAt(at.toString())
        .build();
  }

  private List<EnrichedArticle> verdicts() {
    return out.stream().filter(o -> o.article() != null).map(VerdictOut::article).toList();
  }

  private List<IndexRequest> requests(IndexRequestKind kind) {
    return out.stream()
        .filter(o -> o.assignment() != null)
        .flatMap(o -> Carriers.requests(o.assignment()).stream())
        .filter(r -> r.getKind() == kind)
        .toList();
  }
}
