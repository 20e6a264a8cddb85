package io.wirewatch.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The query language end to end: what each construct matches, and which clause matched. */
class RuleBookQueryTest {

  private final RuleBook book = new RuleBook(QueryLimits.DEFAULT, 3);

  @AfterEach
  void close() {
    book.close();
  }

  private void add(String id, String query) {
    assertEquals(Optional.empty(), book.put(new AlertRule(id, query, AlertMode.EVERY, id)));
  }

  private List<String> ids(String title, String body, String... entities) {
    MatchableArticle a =
        new MatchableArticle("a", title, body, "wire.example", "en", List.of(entities));
    return book.match(a).stream().map(m -> m.rule().id()).toList();
  }

  @Test
  void shouldReportWhichOrBranchMatched() {
    add("r", "Rekognition OR (\"facial recognition\" NEAR/5 police)");
    var a =
        new MatchableArticle(
            "a", "", "Police said facial recognition is banned", null, null, List.of());
    RuleMatch m = book.match(a).get(0);
    assertEquals(List.of("\"facial recognition\" NEAR/5 police"), m.clauses());
    assertEquals(3, m.spans().size());
  }

  @Test
  void shouldReportEveryOrBranchThatMatchedAndEveryPositiveAndClause() {
    add("or", "moratorium OR \"facial recognition\" OR rekog* OR (police AND sheriff)");
    add("and", "amazon AND police NOT sheriff");
    var a =
        new MatchableArticle(
            "a",
            "Amazon pauses Rekognition",
            "Police may not use its facial recognition for a year.",
            null,
            null,
            List.of());
    var byRule = book.match(a);
    assertEquals(List.of("and", "or"), byRule.stream().map(m -> m.rule().id()).toList());
    assertEquals(List.of("amazon", "police"), byRule.get(0).clauses());
    assertEquals(List.of("\"facial recognition\"", "rekog*"), byRule.get(1).clauses());
  }

  @Test
  void shouldMatchGroupsInsideProximity() {
    add("g", "(amazon OR \"ring cameras\") NEAR/3 (police OR sheriff)");
    assertEquals(List.of("g"), ids("", "Ring cameras shared with the sheriff"));
    assertEquals(List.of(), ids("", "Ring cameras were, as it happens, later shared with sheriff"));
  }

  @Test
  void shouldMatchNegationInsideOr() {
    add("n", "(police NOT amazon) OR rekognition");
    assertEquals(List.of("n"), ids("", "police"));
    assertEquals(List.of(), ids("", "police and amazon"));
    assertEquals(List.of("n"), ids("", "police, amazon and Rekognition"));
  }

  @Test
  void shouldSearchOnlyTheTitleForAFieldedGroup() {
    add("t", "title:(ban OR halt)");
    assertEquals(List.of("t"), ids("Amazon halts sales? No: a halt", "nothing"));
    assertEquals(List.of(), ids("Nothing", "a ban"));
  }

  @Test
  void shouldMatchCaseSensitivePhrasesOnlyInTheirCase() {
    add("cs", "cs:\"Ring Cameras\"");
    assertEquals(List.of("cs"), ids("", "new Ring Cameras sold"));
    assertEquals(List.of(), ids("", "new ring cameras sold"));
  }

  @Test
  void shouldMatchHyphenatedWordsAsAPhrase() {
    add("h", "face-recognition");
    assertEquals(List.of("h"), ids("", "its face recognition tools"));
    assertEquals(List.of("h"), ids("", "its face-recognition tools"));
    assertEquals(List.of(), ids("", "recognition of a face"));
  }

  @Test
  void shouldFoldCaseOfUnicodeWordsAndPrefixes() {
    add("u", "müller");
    add("p", "zürc*");
    assertEquals(List.of("p", "u"), ids("", "MÜLLER flew to Zürcher See"));
  }

  @Test
  void shouldMatchKeywordFields() {
    add("s", "source:\"wire.example\" AND lang:en AND entity:\"amazon\"");
    assertEquals(List.of("s"), ids("", "text", "Amazon"));
    assertEquals(List.of(), ids("", "text", "Google"));
  }

  @Test
  void shouldMatchPrefixesInsideProximity() {
    add("p", "surveil* ONEAR/2 police");
    assertEquals(List.of("p"), ids("", "surveillance by police"));
    assertEquals(List.of(), ids("", "police surveillance"));
  }

  @Test
  void shouldLimitRulesPerSubscriber() {
    for (int i = 0; i < 3; i++) {
      book.put(new AlertRule("r" + i, "word" + i, AlertMode.EVERY, "desk"));
    }
    Optional<String> refused = book.put(new AlertRule("r9", "word", AlertMode.EVERY, "desk"));
    assertTrue(refused.orElseThrow().contains("already has 3 rules"));
    assertEquals(Optional.empty(), book.put(new AlertRule("r0", "again", AlertMode.EVERY, "desk")));
  }

  @Test
  void shouldTreatAWildcardExpandingTooFarInProximityAsNoMatch() {
    add("w", "abc* NEAR/50 zzz");
    StringBuilder body = new StringBuilder("zzz");
    for (int i = 0; i < LuceneQueryBuilder.MAX_PREFIX_EXPANSIONS + 5; i++) {
      body.append(" abc").append(i);
    }
    assertEquals(List.of(), ids("", body.toString()));
    assertEquals(1, book.ruleErrors());
  }
}
