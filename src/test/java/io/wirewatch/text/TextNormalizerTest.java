package io.wirewatch.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

  @Test
  void shouldStripMarkupScriptsAndDecodeReferences() {
    String html = "<p>Caf&eacute; &amp; bar<script>var x = '<b>';</script> &#8220;ok&#x201D;</p>";
    assertEquals("caf&eacute; & bar \"ok\"", TextNormalizer.normalize(html));
  }

  @Test
  void shouldFoldQuotesDashesAndCompatibilityForms() {
    assertEquals(
        "\"we're\" - the ﬁrst".replace("ﬁ", "fi"),
        TextNormalizer.normalize("\u201CWe\u2019re\u201D \u2014 the \uFB01rst"));
  }

  @Test
  void shouldCollapseWhiteSpaceAndDropInvisibleCharacters() {
    assertEquals("a b c", TextNormalizer.normalize("  A\u00A0\n\t b\u200B \u00ADc  "));
  }

  @Test
  void shouldKeepCaseAndLinesWhenFoldingKeepingCase() {
    assertEquals(
        "Amazon's\n\"Rekognition\"",
        TextNormalizer.foldKeepingCase("Amazon\u2019s\n\u201CRekognition\u201D"));
  }

  @Test
  void shouldLeaveBrokenReferencesAlone() {
    assertEquals("&#99999999; &bogus;", TextNormalizer.normalize("&#99999999; &bogus;"));
  }
}
