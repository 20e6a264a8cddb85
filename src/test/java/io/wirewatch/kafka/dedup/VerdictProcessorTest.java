package io.wirewatch.kafka.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wirewatch.avro.DedupPending;
import io.wirewatch.avro.IndexHit;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictProcessorTest {

  @Test
  void shouldSendAStoryOnlyForTheKeysNoEarlierArticleHeld() {
    DedupPending state =
        DedupPending.newBuilder()
            .setFirstSeenAt(0)
            .setOwnKeys(List.of("x:1", "p:2", "p:3", "s:4"))
            .setHits(List.of(hit("x:1"), hit("p:3")))
            .build();

    assertEquals(List.of("p:2", "s:4"), VerdictProcessor.ownedKeys(state));
  }

  @Test
  void shouldSendNoStoryForACopyThatOwnsNoKey() {
    DedupPending state =
        DedupPending.newBuilder()
            .setFirstSeenAt(0)
            .setOwnKeys(List.of("x:1", "p:2"))
            .setHits(List.of(hit("x:1"), hit("p:2")))
            .build();

    assertEquals(List.of(), VerdictProcessor.ownedKeys(state));
  }

  private static IndexHit hit(String key) {
    return IndexHit.newBuilder()
        .setKey(key)
        .setArticleId("earlier")
        .setStoryId(null)
        .setEventTime(0)
        .setFeatureCount(1)
        .build();
  }
}
