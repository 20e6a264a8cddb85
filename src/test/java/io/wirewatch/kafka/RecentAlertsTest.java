package io.wirewatch.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirewatch.codec.JsonViews;
import io.wirewatch.kafka.dashboard.RecentAlerts;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecentAlertsTest {

  @Test
  void shouldMergeTwoTasksListsNewestFirstAndKeepOnlyTheLatest() throws Exception {
    Instant t = Instant.parse("2026-03-03T10:00:00Z");
    StringBuilder older = new StringBuilder("[");
    StringBuilder newer = new StringBuilder("[");
    for (int i = 0; i < RecentAlerts.SIZE; i++) {
      // even seconds in one task's list, odd ones in the other's
      older.append(i == 0 ? "" : ",").append(alert("even-" + i, t.plusSeconds(2L * i)));
      newer.append(i == 0 ? "" : ",").append(alert("odd-" + i, t.plusSeconds(2L * i + 1)));
    }
    String merged = RecentAlerts.merge(older.append("]").toString(), newer.append("]").toString());

    JsonNode list = JsonViews.MAPPER.readTree(merged);
    assertEquals(RecentAlerts.SIZE, list.size());
    assertEquals("odd-19", list.get(0).get("ruleId").asText());
    assertEquals("even-19", list.get(1).get("ruleId").asText());
    assertEquals("even-10", list.get(RecentAlerts.SIZE - 1).get("ruleId").asText());
  }

  @Test
  void shouldOrderByTimeNotByTheTextOfTheTimestamp() throws Exception {
    String merged =
        RecentAlerts.merge(
            "[" + alert("whole-second", Instant.parse("2026-03-03T10:00:00Z")) + "]",
            "[" + alert("half-second", Instant.parse("2026-03-03T09:59:59.500Z")) + "]");
    JsonNode list = JsonViews.MAPPER.readTree(merged);
    assertEquals("whole-second", list.get(0).get("ruleId").asText());
  }

  private static String alert(String ruleId, Instant alertedAt) {
    return JsonViews.write(
        JsonViews.MAPPER
            .createObjectNode()
            .put("ruleId", ruleId)
            .put("alertedAt", alertedAt.toString()));
  }
}
