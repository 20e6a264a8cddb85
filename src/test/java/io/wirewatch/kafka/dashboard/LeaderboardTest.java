package io.wirewatch.kafka.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirewatch.codec.JsonViews;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

class LeaderboardTest {

  private static final long T = 1_772_532_000_000L;

  private final MockProcessorContext<String, String> context = new MockProcessorContext<>();
  private final KeyValueStore<String, String> store =
      Stores.keyValueStoreBuilder(
              Stores.inMemoryKeyValueStore("board"), Serdes.String(), Serdes.String())
          .withLoggingDisabled()
          .build();
  private final Leaderboard board;

  LeaderboardTest() {
    store.init(context.getStateStoreContext(), store);
    context.addStateStore(store);
    board =
        new Leaderboard(
            "board",
            Duration.ofHours(24),
            List.of(
                new Leaderboard.Ranking(
                    "top",
                    e -> true,
                    Comparator.<JsonNode>comparingLong(e -> -e.path("mentions").asLong()),
                    3)));
    board.init(context);
  }

  private static String summary(String id, long mentions, long lastSeenMs) {
    return JsonViews.write(
        JsonViews.MAPPER
            .createObjectNode()
            .put("id", id)
            .put("mentions", mentions)
            .put("lastSeenMs", lastSeenMs));
  }

  /** The ids of the list published at {@code now}, best first. */
  private List<String> publish(long now) throws Exception {
    context.resetForwards();
    context.scheduledPunctuators().stream()
        .filter(s -> s.getType() == PunctuationType.WALL_CLOCK_TIME)
        .findFirst()
        .orElseThrow()
        .getPunctuator()
        .punctuate(now);
    List<String> ids = new ArrayList<>();
    for (var f : context.forwarded()) {
      JsonNode list = JsonViews.MAPPER.readTree(f.record().value());
      list.get("items").forEach(item -> ids.add(item.get("id").asText()));
    }
    return ids;
  }

  @Test
  void shouldTakeEveryItemOfAnArrayAndTheLatestOfEachId() throws Exception {
    board.process(
        new Record<>(
            "entities",
            "["
                + summary("a", 1, T)
                + ","
                + summary("b", 5, T)
                + ","
                + summary("c", 3, T)
                + ","
                + summary("a", 9, T + 1)
                + "]",
            T));
    assertEquals(3, store.approximateNumEntries(), "one entry per id");
    assertEquals(List.of("a", "b", "c"), publish(T));
  }

  @Test
  void shouldMixArraysWithSingleSummaries() throws Exception {
    // a single summary is the format before the batches, still read during an upgrade
    board.process(new Record<>("entities", summary("a", 2, T), T));
    board.process(
        new Record<>("entities", "[" + summary("b", 1, T) + "," + summary("a", 0, T) + "]", T));
    board.process(new Record<>("entities", "[]", T));
    assertEquals(List.of("b", "a"), publish(T));
    assertEquals(List.of(), publish(T + 1000), "nothing changed, nothing published");
  }
}
