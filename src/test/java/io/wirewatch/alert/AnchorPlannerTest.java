package io.wirewatch.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AnchorPlannerTest {

  private final AnchorPlanner planner =
      new AnchorPlanner(new LuceneQueryBuilder(LuceneFields.analyzer()), null);

  private Set<String> anchors(String query) throws Exception {
    return anchors(new QueryParser(QueryLimits.DEFAULT).parse(query));
  }

  private Set<String> anchors(QueryNode node) {
    AnchorSet a = planner.plan(node);
    if (a.always()) {
      return Set.of("ALWAYS");
    }
    return a.anchors().stream()
        .map(x -> x.field() + ":" + x.term() + (x.prefix() ? "*" : ""))
        .collect(Collectors.toSet());
  }

  @Test
  void shouldFileAConjunctionUnderItsRarestWordOnly() throws Exception {
    assertEquals(Set.of("title:rekognition", "body:rekognition"), anchors("said AND Rekognition"));
  }

  @Test
  void shouldFileADisjunctionUnderEveryBranch() throws Exception {
    assertEquals(
        Set.of("title:amazon", "body:amazon", "title:rekognition", "body:rekognition"),
        anchors("amazon OR rekognition"));
  }

  @Test
  void shouldFileProximityInTheFieldsTheIntervalsSearch() throws Exception {
    assertEquals(Set.of("title_cs:Ring", "body_cs:Ring"), anchors("cs:Ring NEAR/3 the"));
  }

  @Test
  void shouldFileAWildcardUnderItsFirstCharacters() throws Exception {
    assertTrue(anchors("recognitions*").contains("body:recognit*"));
  }

  @Test
  void shouldTryALoneNegationOnEveryArticle() {
    // the parser refuses "amazon OR NOT ring"; the builder still supports it, so must the planner
    QueryNode amazon = new QueryNode.Text(null, false, "amazon", false);
    QueryNode ring = new QueryNode.Text(null, false, "ring", false);
    assertEquals(
        Set.of("ALWAYS"),
        anchors(new QueryNode.Or(java.util.List.of(amazon, new QueryNode.Not(ring)))));
  }
}
