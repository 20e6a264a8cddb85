package io.wirewatch.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  @Test
  void shouldKeepTheExcerptShortInTextWithoutSpaces() {
    // 3,000 chars of text without a space, the match in the middle
    String text = "汉".repeat(1500) + "Rekognition" + "字".repeat(1500);
    int start = 1500;
    List<MatchSpan> spans =
        List.of(new MatchSpan("body", "Rekognition", start, start + "Rekognition".length()));
    String snippet = Snippets.around(text, spans);
    assertTrue(snippet.contains("«Rekognition»"), snippet);
    assertTrue(snippet.length() <= 2 * 90 + 11 + 2 + 8, "snippet of " + snippet.length());
  }
}
