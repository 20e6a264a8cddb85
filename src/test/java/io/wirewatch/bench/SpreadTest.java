package io.wirewatch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpreadTest {

  @Test
  void shouldReportTheMiddleIterationWhateverTheOrderMeasured() {
    Spread s = new Spread(List.of(1294.0, 1630.0, 1421.0, 1597.0, 1290.0));
    assertEquals(1421.0, s.median());
    assertEquals(1290.0, s.min());
    assertEquals(1630.0, s.max());
    assertEquals("1290..1630", s.range());
    assertEquals("1294 1630 1421 1597 1290", s.each());
  }

  @Test
  void shouldAverageTheTwoMiddleIterationsOfAnEvenCount() {
    assertEquals(15.0, new Spread(List.of(40.0, 10.0, 20.0, 5.0)).median());
  }

  @Test
  void shouldRefuseNoIterations() {
    assertThrows(IllegalArgumentException.class, () -> new Spread(List.of()));
  }

  @Test
  void shouldRefuseIterationCountsThatMeasureNothing() {
    assertThrows(IllegalArgumentException.class, () -> new MatcherBenchmark.Iterations(3, 0));
    assertThrows(IllegalArgumentException.class, () -> new MatcherBenchmark.Iterations(-1, 5));
  }
}
