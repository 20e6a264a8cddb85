package io.wirewatch.kafka.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wirewatch.avro.EnrichedArticle;
import io.wirewatch.avro.Entity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

class EntityMentionsTest {

  private static EnrichedArticle article(List<Entity> entities) {
    return EnrichedArticle.newBuilder()
        .setId("a1")
        .setBody("body")
        .setReceivedAt(0L)
        .setPublishedAt("2026-03-03T10:00:00Z")
        .setEntities(entities)
        .build();
  }

  private static Entity entity(String id, String name) {
    return new Entity(id, name, "PERSON", 0.5, List.of());
  }

  @Test
  void shouldSendEachMentionInARecordKeyedForItsEntitysPartition() {
    List<Entity> entities = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      entities.add(entity("kb:e" + i, "E " + i));
    }
    List<KeyValue<String, String>> batches = EntityMentions.batches(article(entities), 4);

    assertTrue(batches.size() <= 4, "one record per partition: " + batches.size());
    List<String> ids = new ArrayList<>();
    for (KeyValue<String, String> batch : batches) {
      int partition = PartitionBatches.partitionOf(batch.key, 4);
      for (EntityMentions.Mention m : EntityMentions.read(batch.key, batch.value)) {
        assertEquals(partition, PartitionBatches.partitionOf(m.id(), 4), m.id());
        assertEquals("E " + m.id().substring(4), m.name());
        assertEquals("PERSON", m.type());
        ids.add(m.id());
      }
    }
    assertEquals(
        entities.stream().map(Entity::getId).sorted().toList(), ids.stream().sorted().toList());
  }

  @Test
  void shouldKeepARecordWithinTheByteBudgetWhateverTheIdsLength() {
    // ids and names from an article's text: 20 of 60,000 characters, with quotes to escape
    List<Entity> entities = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String id = "ner:person:" + i + "\"".repeat(30_000);
      entities.add(entity(id, "N\u0001".repeat(15_000)));
    }
    List<KeyValue<String, String>> batches = EntityMentions.batches(article(entities), 1);

    int mentions = 0;
    for (KeyValue<String, String> batch : batches) {
      int bytes = batch.value.getBytes(StandardCharsets.UTF_8).length;
      assertTrue(bytes <= PartitionBatches.MAX_BYTES, "a record of " + bytes + " bytes");
      mentions += EntityMentions.read(batch.key, batch.value).size();
    }
    assertEquals(20, mentions);
    assertTrue(batches.size() > 1);
  }

  @Test
  void shouldReadTheSingleMentionFormatOfBeforeTheBatches() {
    // before the batches: one record per mention, keyed by the entity id
    assertEquals(
        List.of(new EntityMentions.Mention("kb:acme", "Acme", "ORGANIZATION")),
        EntityMentions.read("kb:acme", "{\"name\":\"Acme\",\"type\":\"ORGANIZATION\"}"));
    // a name or type missing: the id stands for the name, the type is empty
    assertEquals(
        List.of(new EntityMentions.Mention("kb:acme", "kb:acme", "")),
        EntityMentions.read("kb:acme", "{}"));
    assertEquals(List.of(), EntityMentions.read(null, "{\"name\":\"Acme\"}"));
  }

  @Test
  void shouldReadABatch() {
    assertEquals(
        List.of(
            new EntityMentions.Mention("kb:a", "A", "PERSON"),
            new EntityMentions.Mention("kb:b", "B", "LOCATION")),
        EntityMentions.read(
            "kb:a",
            "[{\"id\":\"kb:a\",\"name\":\"A\",\"type\":\"PERSON\"},"
                + "{\"id\":\"kb:b\",\"name\":\"B\",\"type\":\"LOCATION\"}]"));
  }
}
