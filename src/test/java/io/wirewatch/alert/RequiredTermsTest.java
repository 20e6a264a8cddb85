package io.wirewatch.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.LeafReader;
import org.junit.jupiter.api.Test;

/**
 * Required words may only skip rules that cannot match: on articles drawn from a small vocabulary,
 * where every query shape matches often and misses often, the rule book (which skips by them) must
 * match exactly what plain Lucene Monitor (which does not) matches.
 */
class RequiredTermsTest {

  private static final String[] WORDS = {
    "grain",
    "reserve",
    "corn",
    "bushels",
    "Ring",
    "ring",
    "police",
    "ban",
    "tariff",
    "ship",
    "shipment",
    "quota",
    "the",
    "of"
  };

  private static final String[] QUERIES = {
    "\"grain reserve\"",
    "corn NEAR/2 bushels",
    "corn ONEAR/1 (bushels OR quota)",
    "(grain OR corn) AND tariff",
    "(grain AND reserve) OR (police AND ban)",
    "\"grain reserve\" OR quota",
    "ship* AND police",
    "ship* NEAR/3 tariff",
    "police NOT ban",
    "cs:Ring AND police",
    "title:tariff AND body:quota",
    "(corn NEAR/2 bushels) NEAR/5 grain",
    "quota OR ship*",
    "entity:\"org:acme\" AND tariff",
    "source:\"wire.example\" AND \"police ban\"",
    "(\"grain reserve\" OR quota) NOT ban",
    "\"reserve grain\" NEAR/3 corn",
    "\"the grain\" OR \"police ban\"",
    "\"ring police\" AND cs:Ring",
    "title:\"grain reserve\" OR body:\"of the\"",
    "shipm* AND (police OR ban)",
    "shipment* NEAR/4 quota",
    "title:ship* OR cs:Rin*",
    "grain AND reserve AND corn",
    "ship* AND shipment* AND ban"
  };

  private final LuceneQueryBuilder builder = new LuceneQueryBuilder(LuceneFields.analyzer());

  @Test
  void shouldRequireAPhraseSideBySideInEitherTextField() throws Exception {
    RequiredTerms phrase = of("\"grain reserve\"");
    assertEquals(1, phrase.size());
    assertTrue(phrase.mayMatch(terms("", "the grain reserve")));
    assertTrue(phrase.mayMatch(terms("Grain Reserve", "a reserve")));
    assertFalse(phrase.mayMatch(terms("Grain", "a reserve")), "one field must hold both");
    assertFalse(phrase.mayMatch(terms("", "reserve grain, grain of the reserve")));
    assertFalse(phrase.mayMatch(terms("grain", "grain again")));
    RequiredTerms either = of("(\"grain reserve\" OR quota) AND ban");
    assertEquals(2, either.size());
    assertTrue(either.mayMatch(terms("", "a quota ban")));
    assertFalse(either.mayMatch(terms("", "grain ban reserve")));
  }

  @Test
  void shouldRequireAWordStartingWithAWildcardsPrefix() throws Exception {
    RequiredTerms wildcard = of("shipm* AND police");
    assertEquals(2, wildcard.size());
    assertTrue(wildcard.mayMatch(terms("Shipments", "police")));
    assertFalse(wildcard.mayMatch(terms("ship", "police shipping")));
    assertEquals(1, of("ship*").size(), "a prefix anchor promises only the first letters");
  }

  @Test
  void shouldRequireNothingOfNegationsAndOrsWithSuchABranch() throws Exception {
    assertEquals(0, of("grain").size(), "one word is what its anchor already promises");
    assertEquals(2, of("police AND quota NOT ban").size(), "the NOT requires nothing");
    assertEquals(0, of("grain OR (police NOT ban)").size(), "one group of single words");
  }

  @Test
  void shouldNotCheckWhatTheAnchorsPromise() throws Exception {
    AnchorPlanner planner = new AnchorPlanner(builder, new TermStatistics());
    QueryNode and = new QueryParser(QueryLimits.DEFAULT).parse("police AND quota AND ban");
    RequiredTerms all = RequiredTerms.of(and, builder);
    AnchorSet anchors = planner.plan(and);
    RequiredTerms left = all.forAnchors(anchors, planner::frequency);
    assertEquals(3, all.size());
    assertEquals(2, left.size(), "the anchors' own word is not looked up again");
    assertTrue(left.mayMatch(terms("", "police ban quota")));
    assertFalse(left.mayMatch(terms("", "police quota")));
    QueryNode wildcard = new QueryParser(QueryLimits.DEFAULT).parse("ship* AND police");
    RequiredTerms prefixed = RequiredTerms.of(wildcard, builder);
    assertEquals(
        prefixed.size() - 1,
        prefixed.forAnchors(planner.plan(wildcard), planner::frequency).size(),
        "one of the two groups is the anchors'");
    assertEquals(
        0,
        all.forAnchors(AnchorSet.ALWAYS, planner::frequency).size() - all.size(),
        "a rule tried on every article keeps every check");
  }

  @Test
  void shouldSkipOnlyRulesThatCannotMatch() throws Exception {
    List<AlertRule> rules = new ArrayList<>();
    for (int i = 0; i < QUERIES.length; i++) {
      rules.add(new AlertRule("q" + i, QUERIES[i], AlertMode.EVERY, "desk"));
    }
    Random random = new Random(11);
    Set<String> matchedRules = new TreeSet<>();
    try (RuleBook book = new RuleBook();
        MonitorBaseline monitor = new MonitorBaseline(false)) {
      book.putAll(rules);
      monitor.register(rules);
      for (int i = 0; i < 400; i++) {
        MatchableArticle a = article(i, random);
        Set<String> ours = new TreeSet<>();
        book.match(a).forEach(m -> ours.add(m.rule().id()));
        assertEquals(new TreeSet<>(monitor.matchingIds(a)), ours, a.toString());
        matchedRules.addAll(ours);
      }
    }
    assertEquals(QUERIES.length, matchedRules.size(), "every query shape should match somewhere");
  }

  private RequiredTerms of(String query) throws Exception {
    return RequiredTerms.of(new QueryParser(QueryLimits.DEFAULT).parse(query), builder);
  }

  private static RequiredTerms.ArticleTerms terms(String title, String body) {
    MatchableArticle a = new MatchableArticle("a", title, body, null, null, List.of());
    Analyzer analyzer = LuceneFields.analyzer();
    LeafReader reader =
        ArticleDocument.searcher(a, analyzer).getIndexReader().leaves().get(0).reader();
    return new RequiredTerms.ArticleTerms(reader);
  }

  private static MatchableArticle article(int i, Random random) {
    StringBuilder body = new StringBuilder();
    for (int w = 0; w < 12; w++) {
      body.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
    }
    String title = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)];
    String source = random.nextBoolean() ? "wire.example" : "other.example";
    List<String> entities = random.nextInt(4) == 0 ? List.of("org:acme") : List.of();
    return new MatchableArticle("a" + i, title, body.toString(), source, "en", entities);
  }
}
