package io.wirewatch.kafka.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PartitionTotalsTest {

  @Test
  void shouldAddUpTheLatestCountOfEachPartition() {
    PartitionTotals t =
        PartitionTotals.decode(null)
            .with(PartitionTotals.entry(0, 5))
            .with(PartitionTotals.entry(3, 2))
            .with(PartitionTotals.entry(0, 7));
    assertEquals(9, t.total());
    assertEquals("0:7,3:2", t.encode());
  }

  @Test
  void shouldChangeNothingWhenACountArrivesTwice() {
    String once = PartitionTotals.decode("1:4,2:6").with("2:6").encode();
    assertEquals("1:4,2:6", once);
    assertEquals(10, PartitionTotals.decode(once).total());
    assertEquals(0, PartitionTotals.decode("").total());
  }
}
