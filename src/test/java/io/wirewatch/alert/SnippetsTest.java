package io.wirewatch.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SnippetsTest {

  @Test
  void shouldMarkTheMatchInItsContext() {
    String text = "Amazon announced a one-year moratorium on police use of Rekognition.";
    int start = text.indexOf("moratorium");
    String snippet =
        Snippets.around(text, List.of(new MatchSpan("body", "moratorium", start, start + 10)));
    assertEquals(
        "Amazon announced a one-year \u00ABmoratorium\u00BB on police use of Rekognition.",
        snippet);
  }
}
