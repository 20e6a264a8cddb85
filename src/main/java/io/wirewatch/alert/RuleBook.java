package io.wirewatch.alert;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.monitor.HighlightsMatch;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.search.Query;

/**
 * Every standing rule, registered in one Lucene Monitor, matched against one article at a time. A
 * rule that fails to parse is refused by {@link #put} with its reason; the rules already held are
 * untouched.
 */
public final class RuleBook implements Closeable {

  private final Analyzer analyzer = LuceneFields.analyzer();
  private final LuceneQueryBuilder queryBuilder = new LuceneQueryBuilder(analyzer);
  private final QueryLimits limits;
  private final int maxRulesPerSubscriber;
  private final Monitor monitor;
  private final Map<String, AlertRule> rules = new ConcurrentHashMap<>();

  public RuleBook(QueryLimits limits, int maxRulesPerSubscriber) {
    this.limits = limits;
    this.maxRulesPerSubscriber = maxRulesPerSubscriber;
    try {
      this.monitor = new Monitor(analyzer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public RuleBook() {
    this(QueryLimits.DEFAULT, 1000);
  }

  /** Parses a rule's query without registering it: empty when it is acceptable. */
  public Optional<String> check(AlertRule rule) {
    try {
      new QueryParser(limits).parse(rule.query());
    } catch (QueryParseException e) {
      return Optional.of(e.getMessage());
    }
    long others =
        rules.values().stream()
            .filter(r -> r.subscriber().equals(rule.subscriber()) && !r.id().equals(rule.id()))
            .count();
    if (others >= maxRulesPerSubscriber) {
      return Optional.of(
          "subscriber " + rule.subscriber() + " already has " + maxRulesPerSubscriber + " rules");
    }
    return Optional.empty();
  }

  /** Adds or replaces a rule; returns the reason when it is refused. */
  public Optional<String> put(AlertRule rule) {
    Optional<String> problem = check(rule);
    if (problem.isPresent()) {
      return problem;
    }
    putAll(List.of(rule));
    return Optional.empty();
  }

  /**
   * Adds many rules in one registration (much faster than one by one); refused ones are returned.
   */
  public Map<String, String> putAll(Collection<AlertRule> batch) {
    Map<String, String> refused = new java.util.LinkedHashMap<>();
    List<MonitorQuery> queries = new ArrayList<>(batch.size());
    for (AlertRule rule : batch) {
      try {
        Query query = queryBuilder.build(new QueryParser(limits).parse(rule.query()));
        queries.add(new MonitorQuery(rule.id(), query, rule.query(), Map.of()));
        rules.put(rule.id(), rule);
      } catch (QueryParseException e) {
        refused.put(rule.id(), e.getMessage());
      }
    }
    try {
      monitor.register(queries);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return refused;
  }

  public void remove(String ruleId) {
    if (rules.remove(ruleId) != null) {
      try {
        monitor.deleteById(ruleId);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  public Optional<AlertRule> get(String ruleId) {
    return Optional.ofNullable(rules.get(ruleId));
  }

  public List<AlertRule> all() {
    return rules.values().stream().sorted(Comparator.comparing(AlertRule::id)).toList();
  }

  public int size() {
    return rules.size();
  }

  /** Every rule that matches the article, with where it matched. */
  public List<RuleMatch> match(MatchableArticle article) {
    if (rules.isEmpty()) {
      return List.of();
    }
    try {
      MatchingQueries<HighlightsMatch> result =
          monitor.match(toDocument(article), HighlightsMatch.MATCHER);
      List<RuleMatch> matches = new ArrayList<>();
      for (HighlightsMatch m : result.getMatches()) {
        AlertRule rule = rules.get(m.getQueryId());
        if (rule != null) {
          matches.add(new RuleMatch(rule, spans(article, m.getHits())));
        }
      }
      matches.sort(Comparator.comparing(r -> r.rule().id()));
      return matches;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<MatchSpan> spans(
      MatchableArticle article, Map<String, Set<HighlightsMatch.Hit>> hits) {
    List<MatchSpan> spans = new ArrayList<>();
    for (var e : hits.entrySet()) {
      String field = LuceneFields.reportedName(e.getKey());
      String text = field.equals(LuceneFields.TITLE) ? article.title() : article.body();
      boolean hasText = field.equals(LuceneFields.TITLE) || field.equals(LuceneFields.BODY);
      for (HighlightsMatch.Hit hit : e.getValue()) {
        if (hasText && hit.startOffset >= 0 && hit.endOffset <= text.length()) {
          spans.add(
              new MatchSpan(
                  field,
                  text.substring(hit.startOffset, hit.endOffset),
                  hit.startOffset,
                  hit.endOffset));
        } else {
          spans.add(
              new MatchSpan(field, "", Math.max(0, hit.startOffset), Math.max(0, hit.endOffset)));
        }
      }
    }
    spans.sort(
        Comparator.comparing(MatchSpan::field).reversed().thenComparingInt(MatchSpan::start));
    return spans;
  }

  private static Document toDocument(MatchableArticle article) {
    Document doc = new Document();
    doc.add(new TextField(LuceneFields.TITLE, article.title(), Field.Store.NO));
    doc.add(new TextField(LuceneFields.BODY, article.body(), Field.Store.NO));
    doc.add(new TextField(LuceneFields.TITLE_CS, article.title(), Field.Store.NO));
    doc.add(new TextField(LuceneFields.BODY_CS, article.body(), Field.Store.NO));
    if (article.source() != null) {
      doc.add(new TextField(LuceneFields.SOURCE, article.source(), Field.Store.NO));
    }
    if (article.language() != null) {
      doc.add(new TextField(LuceneFields.LANG, article.language(), Field.Store.NO));
    }
    for (String key : article.entityKeys()) {
      doc.add(new TextField(LuceneFields.ENTITY, key, Field.Store.NO));
    }
    return doc;
  }

  @Override
  public void close() throws IOException {
    monitor.close();
  }
}
