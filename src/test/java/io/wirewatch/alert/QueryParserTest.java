package io.wirewatch.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QueryParserTest {

  private final QueryParser parser = new QueryParser(QueryLimits.DEFAULT);

  @Test
  void shouldTreatJuxtapositionAsAnd() throws Exception {
    QueryNode.And and = assertInstanceOf(QueryNode.And.class, parser.parse("amazon police"));
    assertEquals(2, and.clauses().size());
  }

  @Test
  void shouldBindAndTighterThanOr() throws Exception {
    QueryNode.Or or = assertInstanceOf(QueryNode.Or.class, parser.parse("a b OR c"));
    assertInstanceOf(QueryNode.And.class, or.clauses().get(0));
  }

  @Test
  void shouldParseProximityBetweenPhraseAndWord() throws Exception {
    QueryNode node = parser.parse("Rekognition OR (\"facial recognition\" NEAR/5 police)");
    QueryNode.Or or = assertInstanceOf(QueryNode.Or.class, node);
    QueryNode.Near near = assertInstanceOf(QueryNode.Near.class, or.clauses().get(1));
    assertEquals(5, near.slop());
    assertEquals(false, near.ordered());
  }

  @Test
  void shouldNameTheColumnOfAMissingParenthesis() {
    QueryParseException e =
        assertThrows(QueryParseException.class, () -> parser.parse("(amazon OR rekognition"));
    assertEquals("expected ) at column 23", e.getMessage());
  }

  @Test
  void shouldRefuseShortWildcards() {
    QueryParseException e = assertThrows(QueryParseException.class, () -> parser.parse("re*"));
    assertTrue(e.getMessage().contains("at least 3 characters"), e.getMessage());
    assertEquals(1, e.column());
  }

  @Test
  void shouldRefuseUnknownFieldsAndOnlyNegatedQueries() {
    assertThrows(QueryParseException.class, () -> parser.parse("author:smith"));
    assertThrows(QueryParseException.class, () -> parser.parse("NOT amazon"));
  }

  @Test
  void shouldRefuseDeepNestingAndLongQueries() {
    assertThrows(
        QueryParseException.class, () -> parser.parse("(".repeat(200) + "a" + ")".repeat(200)));
    assertThrows(QueryParseException.class, () -> parser.parse("word ".repeat(1000)));
  }

  @Test
  void shouldParseFieldsAndCaseSensitivity() throws Exception {
    QueryNode.Text t = assertInstanceOf(QueryNode.Text.class, parser.parse("cs:Ring"));
    assertTrue(t.caseSensitive());
    QueryNode.Text e = assertInstanceOf(QueryNode.Text.class, parser.parse("entity:\"Amazon\""));
    assertEquals("entity", e.field());
  }
}
