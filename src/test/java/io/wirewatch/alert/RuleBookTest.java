package io.wirewatch.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RuleBookTest {

  private final RuleBook book = new RuleBook();

  private static MatchableArticle article(String title, String body, String... entities) {
    return new MatchableArticle("a1", title, body, "news.example", "en", List.of(entities));
  }

  private List<String> matchingIds(MatchableArticle a) {
    return book.match(a).stream().map(m -> m.rule().id()).toList();
  }

  private void add(String id, String query) {
    assertEquals(
        java.util.Optional.empty(), book.put(new AlertRule(id, query, AlertMode.EVERY, "s")));
  }

  @AfterEach
  void close() throws Exception {
    book.close();
  }

  @Test
  void shouldMatchWholeWordsCaseInsensitively() {
    add("m", "moratorium");
    var a = article("T", "A one-year Moratorium on police use.");
    List<RuleMatch> matches = book.match(a);
    assertEquals(1, matches.size());
    MatchSpan span = matches.get(0).spans().get(0);
    assertEquals("body", span.field());
    assertEquals("Moratorium", span.text());
    assertEquals(11, span.start());
    assertTrue(matchingIds(article("T", "moratoriums are not the same word")).isEmpty());
  }

  @Test
  void shouldMatchPhrasesAndBooleans() {
    add("p", "\"facial recognition\" AND police NOT rainforest");
    assertEquals(List.of("p"), matchingIds(article("", "Police stop using facial recognition.")));
    assertTrue(matchingIds(article("", "facial recognition police in the rainforest")).isEmpty());
    assertTrue(matchingIds(article("", "recognition facial police")).isEmpty());
  }

  @Test
  void shouldMatchProximityInEitherOrderOrOnlyInOrder() {
    add("near", "amazon NEAR/3 police");
    add("onear", "amazon ONEAR/3 police");
    assertEquals(List.of("near", "onear"), matchingIds(article("", "Amazon tells the police no")));
    assertEquals(List.of("near"), matchingIds(article("", "police tell Amazon no")));
    assertTrue(
        matchingIds(article("", "Amazon said on Monday that it would tell police")).isEmpty());
  }

  @Test
  void shouldMatchPrefixCaseSensitiveAndFields() {
    add("pre", "recogni*");
    add("cs", "cs:Ring");
    add("title", "title:ban");
    add("entity", "entity:\"Amazon\"");
    assertEquals(
        List.of("cs", "entity", "pre", "title"),
        matchingIds(
            article("Amazon ban", "Ring cameras with face recognition", "Amazon", "org:amazon")));
    assertEquals(List.of(), matchingIds(article("Other", "a ring of friends, a ban")));
  }

  @Test
  void shouldRefuseABadRuleWithoutDisturbingTheOthers() {
    add("good", "moratorium");
    var problem = book.put(new AlertRule("bad", "(moratorium", AlertMode.EVERY, "s"));
    assertTrue(problem.orElseThrow().contains("column"));
    assertEquals(List.of("good"), matchingIds(article("", "a moratorium")));
  }

  @Test
  void shouldApplyReplacementsAndRemovalsToTheNextArticle() {
    add("r", "moratorium");
    add("r", "rekognition");
    assertEquals(List.of(), matchingIds(article("", "moratorium")));
    assertEquals(List.of("r"), matchingIds(article("", "Rekognition")));
    book.remove("r");
    assertEquals(List.of(), matchingIds(article("", "Rekognition")));
  }
}
