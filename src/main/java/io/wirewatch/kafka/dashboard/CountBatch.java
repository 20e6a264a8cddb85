package io.wirewatch.kafka.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Running counts of one partition, many dimensions and windows in one record, as {@link
 * PartitionCounts} sends them to {@link PartitionSums}: {@code {"partition":p,"counts":[[dimension,
 * windowStart, count], ...]}}.
 */
record CountBatch(int partition, List<CountBatch.Count> counts) {

  /** One running count. */
  record Count(String dimension, long windowStart, long count) {

    /** At least its bytes in a batch: the dimension, two numbers of up to 20 digits, brackets. */
    int encodedSize() {
      return EncodedSize.json(dimension) + 2 * 20 + 4;
    }
  }

  /** Whether a value is a batch, not a single {@code p:count} ({@link PartitionTotals#entry}). */
  static boolean isBatch(String value) {
    return value.startsWith("{");
  }

  static CountBatch decode(String text) {
    JsonNode o = Json.read(text);
    List<Count> counts = new ArrayList<>();
    o.path("counts")
        .forEach(
            c -> counts.add(new Count(c.get(0).asText(), c.get(1).asLong(), c.get(2).asLong())));
    return new CountBatch(o.path("partition").asInt(), counts);
  }

  String encode() {
    ObjectNode o = Json.object();
    o.put("partition", partition);
    ArrayNode list = o.putArray("counts");
    counts.forEach(c -> list.addArray().add(c.dimension()).add(c.windowStart()).add(c.count()));
    return Json.write(o);
  }

  /** The newest window counted: the record's timestamp, so stream time moves as it did. */
  long newestWindow() {
    return counts.stream().mapToLong(Count::windowStart).max().orElse(0L);
  }
}
