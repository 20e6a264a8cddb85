package io.wirewatch.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QueryLanguageTest {

  private final QueryParser parser = new QueryParser(QueryLimits.DEFAULT);

  @Test
  void shouldAcceptGroupsAsProximityOperands() throws Exception {
    QueryNode.Near near =
        assertInstanceOf(
            QueryNode.Near.class, parser.parse("(amazon OR \"ring cameras\") ONEAR/4 (police*)"));
    assertInstanceOf(QueryNode.Or.class, near.left());
    assertInstanceOf(QueryNode.Prefix.class, near.right());
    assertTrue(near.ordered());
  }

  @Test
  void shouldRefuseConjunctionsInsideProximity() {
    QueryParseException e =
        assertThrows(QueryParseException.class, () -> parser.parse("(a AND b) NEAR/3 c"));
    assertEquals(11, e.column());
  }

  @Test
  void shouldApplyAFieldToAWholeGroup() throws Exception {
    QueryNode.Or or = assertInstanceOf(QueryNode.Or.class, parser.parse("title:(ban OR halt)"));
    for (QueryNode clause : or.clauses()) {
      assertEquals("title", assertInstanceOf(QueryNode.Text.class, clause).field());
    }
  }

  @Test
  void shouldKeepCaseSensitivePhrases() throws Exception {
    QueryNode.Text t = assertInstanceOf(QueryNode.Text.class, parser.parse("cs:\"Ring Cameras\""));
    assertTrue(t.caseSensitive() && t.quoted());
    assertEquals("Ring Cameras", t.text());
  }

  @Test
  void shouldAllowNegatedClausesInsideOrOnlyNextToAPositiveOne() throws Exception {
    assertInstanceOf(QueryNode.Or.class, parser.parse("(police NOT amazon) OR rekognition"));
    assertThrows(QueryParseException.class, () -> parser.parse("rekognition OR NOT amazon"));
  }

  @Test
  void shouldNameTheColumnOfEveryKindOfError() {
    assertEquals(8, column("amazon )"));
    assertEquals(8, column("amazon NEAR/x police"));
    assertEquals(13, column("\"open phrase"), "where the closing quote is missing");
    assertEquals(10, column("amazon OR"), "where a clause was expected");
    assertEquals(1, column("color:red"));
    assertEquals(8, column("amazon \"\""));
    assertEquals(1, column("re*co*"));
  }

  @Test
  void shouldEnforceEveryLimit() {
    QueryLimits tight = new QueryLimits(40, 3, 2, 4, 10);
    QueryParser p = new QueryParser(tight);
    assertThrows(QueryParseException.class, () -> p.parse("x".repeat(41)));
    assertThrows(QueryParseException.class, () -> p.parse("a b c d"));
    assertThrows(QueryParseException.class, () -> p.parse("((((a))))"));
    assertThrows(QueryParseException.class, () -> p.parse("rec*"), "3 letters are not enough");
    assertThrows(QueryParseException.class, () -> p.parse("a NEAR/11 b"));
  }

  @Test
  void shouldRenderClausesBackAsQueryText() throws Exception {
    QueryNode node = parser.parse("Rekognition OR (\"facial recognition\" NEAR/5 police)");
    QueryNode.Or or = (QueryNode.Or) node;
    assertEquals("\"facial recognition\" NEAR/5 police", QueryText.render(or.clauses().get(1)));
    assertEquals(
        "title:cs:Ring* AND NOT (a OR b)",
        QueryText.render(parser.parse("title:cs:Ring* NOT (a OR b)")));
  }

  private int column(String query) {
    return assertThrows(QueryParseException.class, () -> parser.parse(query)).column();
  }
}
