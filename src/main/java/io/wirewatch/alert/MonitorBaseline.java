package io.wirewatch.alert;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.monitor.HighlightsMatch;
import org.apache.lucene.monitor.MatcherFactory;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.QueryMatch;

/**
 * The same rules in plain Lucene Monitor with its default presearcher ({@code new
 * Monitor(analyzer)}), as {@link RuleBook} used them before: the yardstick the benchmark and the
 * tests hold {@link RuleBook}'s matches and speed against.
 */
public final class MonitorBaseline implements Closeable {

  private final Analyzer analyzer = LuceneFields.analyzer();
  private final LuceneQueryBuilder queryBuilder = new LuceneQueryBuilder(analyzer);
  private final Monitor monitor;
  private final boolean highlights;

  /**
   * @param highlights match with {@link HighlightsMatch} (what RuleBook did) rather than the
   *     cheaper {@link QueryMatch#SIMPLE_MATCHER}
   */
  public MonitorBaseline(boolean highlights) {
    this.highlights = highlights;
    try {
      this.monitor = new Monitor(analyzer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Registers the rules that parse, in one batch; returns how many did. */
  public int register(Collection<AlertRule> rules) {
    List<MonitorQuery> queries = new ArrayList<>(rules.size());
    QueryParser parser = new QueryParser(QueryLimits.DEFAULT);
    for (AlertRule rule : rules) {
      try {
        queries.add(
            new MonitorQuery(
                rule.id(), queryBuilder.build(parser.parse(rule.query())), rule.query(), Map.of()));
      } catch (QueryParseException e) {
        // refused, as RuleBook refuses it
      }
    }
    try {
      monitor.register(queries);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return queries.size();
  }

  /** The ids of the rules that match the article. */
  public Set<String> matchingIds(MatchableArticle article) {
    try {
      MatcherFactory<? extends QueryMatch> factory =
          highlights ? HighlightsMatch.MATCHER : QueryMatch.SIMPLE_MATCHER;
      MatchingQueries<? extends QueryMatch> result =
          monitor.match(ArticleDocument.toDocument(article), factory);
      Set<String> ids = new TreeSet<>();
      for (QueryMatch m : result.getMatches()) {
        ids.add(m.getQueryId());
      }
      return ids;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    monitor.close();
  }
}
