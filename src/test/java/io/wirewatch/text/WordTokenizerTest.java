package io.wirewatch.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordTokenizerTest {

  @Test
  void shouldSplitOnPunctuationHyphensAndApostrophes() {
    assertEquals(
        List.of("Face", "recognition", "isn", "t", "U", "S", "policy", "2020"),
        WordTokenizer.words("Face-recognition isn't U.S. policy (2020)!"));
  }

  @Test
  void shouldKeepLettersOfEveryScript() {
    assertEquals(List.of("Zürich", "東京", "𝒜b"), WordTokenizer.words("Zürich, 東京; 𝒜b"));
  }

  @Test
  void shouldFindNoWordsInPunctuation() {
    assertEquals(List.of(), WordTokenizer.words(" -- ... "));
  }
}
