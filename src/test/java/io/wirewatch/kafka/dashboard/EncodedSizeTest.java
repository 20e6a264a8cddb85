package io.wirewatch.kafka.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EncodedSizeTest {

  private static final List<String> SAMPLES =
      List.of(
          "",
          "kb:acme",
          "Zoë Çelik",
          "東京",
          "emoji \uD83D\uDE00 here",
          "quote \" and \\ backslash",
          "tab\tand\u0001control\n",
          "lone \uD83D surrogate");

  @Test
  void shouldGiveTheExactUtf8Length() {
    for (String s : SAMPLES.subList(0, 7)) {
      assertEquals(s.getBytes(StandardCharsets.UTF_8).length, EncodedSize.utf8(s), s);
    }
  }

  @Test
  void shouldBoundTheBytesOfTheStringWrittenAsJson() {
    for (String s : SAMPLES) {
      int written = Json.write(TextNode.valueOf(s)).getBytes(StandardCharsets.UTF_8).length;
      assertTrue(EncodedSize.json(s) >= written, s + ": " + EncodedSize.json(s) + " < " + written);
    }
  }
}
