package io.wirewatch.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UrlCanonicalizerTest {

  @Test
  void shouldDropTrackingParametersAndSortTheRest() {
    assertEquals(
        "https://example.com/news/story?id=7&page=2",
        UrlCanonicalizer.canonicalize(
            "https://example.com/news/story?utm_source=x&page=2&fbclid=abc&id=7&gclid=1"));
  }

  @Test
  void shouldFoldMobileWwwAndAmpHosts() {
    String canonical = "https://example.com/a/story";
    assertEquals(canonical, UrlCanonicalizer.canonicalize("http://m.example.com/a/story"));
    assertEquals(canonical, UrlCanonicalizer.canonicalize("https://WWW.Example.com/a/story/"));
    assertEquals(canonical, UrlCanonicalizer.canonicalize("https://amp.example.com/a/story"));
  }

  @Test
  void shouldFoldAmpPaths() {
    String canonical = "https://example.com/a/story";
    assertEquals(canonical, UrlCanonicalizer.canonicalize("https://example.com/a/story/amp/"));
    assertEquals(canonical, UrlCanonicalizer.canonicalize("https://example.com/amp/a/story"));
    assertEquals(
        "https://example.com/a/story.html",
        UrlCanonicalizer.canonicalize("https://example.com/a/story.amp.html"));
  }

  @Test
  void shouldDropFragments() {
    assertEquals(
        "https://example.com/a", UrlCanonicalizer.canonicalize("https://example.com/a#comments"));
  }

  @Test
  void shouldReturnUnparseableInputTrimmed() {
    assertEquals("not a url", UrlCanonicalizer.canonicalize("  not a url "));
    assertEquals("/relative/path", UrlCanonicalizer.canonicalize("/relative/path"));
  }
}
