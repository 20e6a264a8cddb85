package io.wirewatch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wirewatch.alert.AlertRule;
import io.wirewatch.alert.MatchableArticle;
import io.wirewatch.alert.MonitorBaseline;
import io.wirewatch.alert.RuleBook;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** RuleBook's anchor filtering must never change what matches: plain Monitor is the oracle. */
class MatcherEquivalenceTest {

  @Test
  void shouldMatchExactlyWhatPlainMonitorMatches() throws Exception {
    assumeTrue(ReutersCorpus.DEFAULT_FILES.stream().allMatch(Files::exists), "weka not installed");
    List<String> stories = ReutersCorpus.load();
    List<AlertRule> rules = RuleGenerator.generate(stories, 3000, 7);
    // enough articles for RuleBook to re-file its rules by learnt word statistics midway
    List<MatchableArticle> articles = ArticleGenerator.generate(stories, 160, 8);
    try (RuleBook book = new RuleBook();
        MonitorBaseline monitor = new MonitorBaseline(false)) {
      book.putAll(rules);
      monitor.register(rules);
      Set<String> ours = new TreeSet<>();
      Set<String> theirs = new TreeSet<>();
      for (MatchableArticle a : articles) {
        book.match(a).forEach(m -> ours.add(m.rule().id() + "@" + a.id()));
        monitor.matchingIds(a).forEach(id -> theirs.add(id + "@" + a.id()));
      }
      assertTrue(ours.size() > 100, "the workload should match something: " + ours.size());
      assertEquals(theirs, ours);
      assertTrue(book.candidatesTried() < rules.size() * (long) articles.size() / 5);
    }
  }

  @Test
  void shouldBuildArticlesOfAboutFourKilobytesFromTheCorpus() {
    assumeTrue(ReutersCorpus.DEFAULT_FILES.stream().allMatch(Files::exists), "weka not installed");
    List<MatchableArticle> a = ArticleGenerator.generate(ReutersCorpus.load(), 20, 1);
    assertTrue(a.stream().allMatch(x -> x.body().length() >= 4096 && x.body().length() < 5000));
    assertEquals(a, ArticleGenerator.generate(ReutersCorpus.load(), 20, 1), "deterministic");
  }
}
