package io.wirewatch.kafka.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wirewatch.avro.EnrichedArticle;
import org.junit.jupiter.api.Test;

class FingerprintInboxKeysTest {

  private static EnrichedArticle article(String id) {
    return EnrichedArticle.newBuilder()
        .setId(id)
        .setBody("body")
        .setReceivedAt(1_000L)
        .setPublishedAt("2026-03-03T09:00:00Z")
        .build();
  }

  @Test
  void shouldReadTheTimestampAndPlaceBackWhateverTheArticleIdHolds() {
    String key = FingerprintInboxKeys.key(article("a|b:1"), 1_234L, "3:c102");
    assertEquals(1_234L, FingerprintInboxKeys.timestampOf(key));
    assertEquals("3:c102", FingerprintInboxKeys.inFlightOf(key));
  }

  @Test
  void shouldReadAKeyWrittenBeforeThePlaceWasAdded() {
    String key = SettleInbox.key(5L, "a|b:1", "1234");
    assertEquals(1_234L, FingerprintInboxKeys.timestampOf(key));
    assertEquals("", FingerprintInboxKeys.inFlightOf(key));
  }

  @Test
  void shouldSortOnePartitionsPlacesInOffsetOrder() {
    assertTrue(
        FingerprintInboxKeys.inFlight(0, 9).compareTo(FingerprintInboxKeys.inFlight(0, 10)) < 0);
    assertTrue(
        FingerprintInboxKeys.inFlight(0, 99_999)
                .compareTo(FingerprintInboxKeys.inFlight(0, 100_000))
            < 0);
  }
}
