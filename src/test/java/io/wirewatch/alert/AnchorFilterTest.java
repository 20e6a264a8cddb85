package io.wirewatch.alert;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class AnchorFilterTest {

  @Test
  void shouldNeverRuleOutAWordStillFiled() {
    AnchorFilter filter = new AnchorFilter();
    for (int i = 0; i < 200_000; i++) {
      filter.add("body", new BytesRef("w" + i));
    }
    // half leave again; the words left must all still pass, whatever slots they share
    for (int i = 0; i < 200_000; i += 2) {
      filter.remove("body", new BytesRef("w" + i));
    }
    for (int i = 1; i < 200_000; i += 2) {
      assertTrue(filter.mayHold("body", new BytesRef("w" + i)), "w" + i);
    }
  }

  @Test
  void shouldRuleOutWordsNoLongerFiled() {
    AnchorFilter filter = new AnchorFilter();
    filter.add("body", new BytesRef("grain"));
    filter.add("body", new BytesRef("grain"));
    filter.remove("body", new BytesRef("grain"));
    assertTrue(filter.mayHold("body", new BytesRef("grain")));
    filter.remove("body", new BytesRef("grain"));
    assertFalse(filter.mayHold("body", new BytesRef("grain")));
    assertFalse(filter.mayHold("title", new BytesRef("grain")));
  }

  @Test
  void shouldKeepASlotTakenOnceItsCountIsFull() {
    AnchorFilter filter = new AnchorFilter();
    for (int i = 0; i < 300; i++) {
      filter.add("body", new BytesRef("grain"));
    }
    for (int i = 0; i < 300; i++) {
      filter.remove("body", new BytesRef("grain"));
    }
    assertTrue(filter.mayHold("body", new BytesRef("grain")));
  }

  @Test
  void shouldHashAWordFromItsDictionaryHashAsFromItsBytes() {
    for (String w : new String[] {"", "grain", "Straße", "東京", "x".repeat(63), "y".repeat(200)}) {
      BytesRef word = new BytesRef(w);
      int hash = AnchorFilter.hash("title_cs");
      for (int i = 0; i < word.length; i++) {
        hash = AnchorFilter.hash(hash, word.bytes[word.offset + i]);
      }
      int fromDictionary =
          AnchorFilter.hash(AnchorFilter.hash("title_cs"), DistinctWords.hash(word), word.length);
      org.junit.jupiter.api.Assertions.assertEquals(hash, fromDictionary, w);
    }
  }

  @Test
  void shouldHashPrefixesAsTheWholeWordsTheyAre() {
    AnchorFilter filter = new AnchorFilter();
    filter.add("body", new BytesRef("expor"));
    BytesRef word = new BytesRef("exports");
    int hash = AnchorFilter.hash("body");
    for (int i = 0; i < 5; i++) {
      hash = AnchorFilter.hash(hash, word.bytes[word.offset + i]);
    }
    assertTrue(filter.mayHold(hash));
  }
}
