package io.wirewatch.kafka.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SourceKeysTest {

  private static final List<String> NAMES =
      List.of("wire", "", "m", "x\u0000m", "x", "x\u0000", "\u0000", "\u0000\u0000m", "a\u0000b");

  @Test
  void shouldKeepAPlainNameAsItsHeadKey() {
    assertEquals("reuters.example", SourceKeys.head("reuters.example"));
  }

  @Test
  void shouldGiveEveryNameKeysNoOtherNameHas() {
    Set<String> keys = new HashSet<>();
    for (String name : NAMES) {
      keys.add(SourceKeys.head(name));
      keys.add(SourceKeys.lines(name));
    }
    assertEquals(2 * NAMES.size(), keys.size());
  }

  @Test
  void shouldTellALinesKeysHeadAndNeverTakeAHeadForLines() {
    for (String name : NAMES) {
      assertEquals(SourceKeys.head(name), SourceKeys.headOfLines(SourceKeys.lines(name)), name);
      assertNull(SourceKeys.headOfLines(SourceKeys.head(name)), name);
    }
  }
}
