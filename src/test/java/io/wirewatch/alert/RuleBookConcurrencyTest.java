package io.wirewatch.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Matching on stream threads while the rule book changes on others: every article must get exactly
 * the matches it gets from a quiet rule book. Replanning (every rule filed again under new anchors,
 * which the rule book does by itself after its first articles) and putting a rule again unchanged
 * (as a restore does) must never make a concurrent article miss a rule, nor match it twice.
 */
class RuleBookConcurrencyTest {

  private static final String[] WORDS = {
    "harbour",
    "grain",
    "reserve",
    "ministry",
    "tariff",
    "shipment",
    "corn",
    "bushels",
    "drought",
    "council",
    "port",
    "strike",
    "barley",
    "quota",
    "senate",
    "vote",
    "the",
    "of",
    "and",
    "said"
  };

  private static final String[] QUERIES = {
    "grain",
    "\"grain reserve\"",
    "corn NEAR/3 bushels",
    "tariff AND shipment",
    "ship*",
    "drought OR strike",
    "port NOT senate",
    "\"senate vote\" OR quota",
    "barley ONEAR/2 quota",
    "title:ministry",
    "harb*",
    "council AND (vote OR strike)"
  };

  private static final int ROUNDS = 40;

  @Test
  void shouldMatchEveryArticleAsAQuietRuleBookDoesWhileRulesAreReplannedAndPutAgain()
      throws Exception {
    List<MatchableArticle> articles = articles(300, new Random(7));
    List<AlertRule> rules = new ArrayList<>();
    for (int i = 0; i < QUERIES.length; i++) {
      rules.add(new AlertRule("r" + i, QUERIES[i], AlertMode.EVERY, "desk"));
    }
    Map<String, List<String>> expected = new ConcurrentHashMap<>();
    try (RuleBook quiet = new RuleBook()) {
      quiet.putAll(rules);
      for (MatchableArticle a : articles) {
        expected.put(a.id(), ids(quiet.match(a)));
      }
    }
    assertTrue(
        expected.values().stream().filter(m -> m.contains("r1")).count() > 10,
        "the phrase rule should match some articles");

    try (RuleBook book = new RuleBook()) {
      book.putAll(rules);
      AtomicBoolean stop = new AtomicBoolean();
      List<String> wrong = new CopyOnWriteArrayList<>();
      AtomicLong matched = new AtomicLong();
      List<Thread> matchers = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        int first = t;
        matchers.add(
            new Thread(
                () -> {
                  while (!stop.get()) {
                    for (int i = first; i < articles.size(); i += 2) {
                      MatchableArticle a = articles.get(i);
                      List<String> got = ids(book.match(a));
                      matched.incrementAndGet();
                      if (!got.equals(expected.get(a.id())) && wrong.size() < 10) {
                        wrong.add(a.id() + " got " + got + " expected " + expected.get(a.id()));
                      }
                    }
                  }
                }));
      }
      matchers.forEach(Thread::start);
      for (int round = 0; round < ROUNDS; round++) {
        book.replan();
        book.putAll(rules);
        Thread.sleep(5);
      }
      stop.set(true);
      for (Thread t : matchers) {
        t.join();
      }
      assertTrue(matched.get() > 0);
      assertEquals(List.of(), wrong, "articles matched while the rules changed");
      assertEquals(0, book.ruleErrors());
    }
  }

  private static List<String> ids(List<RuleMatch> matches) {
    return matches.stream().map(m -> m.rule().id()).toList();
  }

  /** Articles of random words from a small vocabulary, so that every rule matches some. */
  private static List<MatchableArticle> articles(int count, Random random) {
    List<MatchableArticle> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      StringBuilder title = new StringBuilder();
      StringBuilder body = new StringBuilder();
      for (int w = 0; w < 4; w++) {
        title.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
      }
      for (int w = 0; w < 80; w++) {
        body.append(WORDS[random.nextInt(WORDS.length)]).append(w % 12 == 11 ? ". " : " ");
      }
      out.add(
          new MatchableArticle(
              "a" + i, title.toString().trim(), body.toString(), "wire", "en", List.of()));
    }
    return out;
  }
}
