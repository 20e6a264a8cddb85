package io.wirewatch.kafka.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.wirewatch.avro.EnrichedArticle;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;

/**
 * An article's entity mentions on their way to {@link EntityTrendProcessor}: one record per
 * partition of the entities they name ({@link PartitionBatches}), the value a JSON array of {@code
 * {"id","name","type"}}, rather than one record per mention. A record whose value is a single
 * {@code {"name","type"}} object, keyed by the entity id, is the format before batching; it is
 * still read, so records in flight during an upgrade are counted.
 */
public final class EntityMentions {

  /** One entity named in an article. */
  public record Mention(String id, String name, String type) {}

  // an article names a few dozen entities at most: the cap and the byte budget only guard the
  // record size (ids and names come from the articles' text)
  private static final int MAX_BATCH = 1_000;

  private EntityMentions() {}

  /** The records that carry the article's mentions to the entities' partitions. */
  public static List<KeyValue<String, String>> batches(EnrichedArticle article, int partitions) {
    List<Mention> mentions = new ArrayList<>();
    article
        .getEntities()
        .forEach(e -> mentions.add(new Mention(e.getId(), e.getName(), e.getType())));
    List<KeyValue<String, String>> out = new ArrayList<>();
    for (List<Mention> batch :
        PartitionBatches.byPartition(
            mentions, Mention::id, EntityMentions::encodedSize, partitions, MAX_BATCH)) {
      ArrayNode array = Json.object().arrayNode();
      batch.forEach(
          m -> array.addObject().put("id", m.id()).put("name", m.name()).put("type", m.type()));
      out.add(KeyValue.pair(batch.get(0).id(), Json.write(array)));
    }
    return out;
  }

  /** At least a mention's bytes in a batch: its three strings, their names, the punctuation. */
  static int encodedSize(Mention m) {
    return EncodedSize.json(m.id())
        + EncodedSize.json(m.name())
        + EncodedSize.json(m.type())
        + "{'id':,'name':,'type':},".length();
  }

  /** The mentions a record carries: a batch, or one mention keyed by its entity id. */
  static List<Mention> read(String key, String value) {
    JsonNode node = Json.readTree(value);
    List<Mention> out = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(m -> out.add(mention(m.path("id").asText(), m)));
    } else if (key != null) {
      out.add(mention(key, node));
    }
    return out;
  }

  private static Mention mention(String id, JsonNode m) {
    return new Mention(id, m.path("name").asText(id), m.path("type").asText(""));
  }
}
