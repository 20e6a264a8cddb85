package io.wirewatch.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wirewatch.avro.EnrichedArticle;
import io.wirewatch.avro.Entity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntityTopologyTest {

  @TempDir Path state;

  @Test
  void shouldPublishEntitiesWithOffsetsIntoTitleAndBody() throws Exception {
    try (PipelineDriver p = new PipelineDriver(state)) {
      String title = "Microsoft opens office in Nairobi";
      String body = "Microsoft said the Nairobi office would employ 200 engineers.";
      p.article("m1", PipelineDriver.article("m1", "tech.example", title, body));

      EnrichedArticle a = p.enriched.readValue();
      String text = title + "\n\n" + body;
      Entity microsoft =
          a.getEntities().stream()
              .filter(e -> e.getName().equals("Microsoft"))
              .findFirst()
              .orElseThrow();
      assertEquals("ORGANIZATION", microsoft.getType());
      assertEquals(2, microsoft.getMentions().size());
      for (var m : microsoft.getMentions()) {
        assertEquals("Microsoft", text.substring(m.getStart(), m.getEnd()));
      }
      assertTrue(
          a.getEntities().stream()
              .anyMatch(e -> e.getName().equals("Nairobi") && e.getType().equals("LOCATION")));
    }
  }

  @Test
  void shouldTagAnEntityAddedWhileRunning() throws Exception {
    try (PipelineDriver p = new PipelineDriver(state)) {
      String body = "Orvalis Maritime said its new ferry would enter service in May.";
      p.article("f1", PipelineDriver.article("f1", "ships.example", "Ferry", body));
      assertTrue(
          p.enriched.readValue().getEntities().stream()
              .noneMatch(e -> e.getId().equals("org:orvalis")));

      p.entityInput.pipeInput(
          "org:orvalis",
          "{\"id\":\"org:orvalis\",\"type\":\"ORGANIZATION\",\"name\":\"Orvalis Maritime\","
              + "\"aliases\":[\"Orvalis\"]}");
      p.article(
          "f2", PipelineDriver.article("f2", "ships.example", "Ferry", body + " Orvalis said."));

      Entity added =
          p.enriched.readValue().getEntities().stream()
              .filter(e -> e.getId().equals("org:orvalis"))
              .findFirst()
              .orElseThrow();
      assertEquals("Orvalis Maritime", added.getName());
      assertEquals(2, added.getMentions().size());
    }
  }
}
