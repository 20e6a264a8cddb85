package io.wirewatch.alert;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every standing rule, matched against one article at a time.
 *
 * <p>Rules are Lucene queries evaluated on a one-article in-memory index, as in Lucene Monitor, but
 * each rule is filed under its rarest required word ({@link AnchorPlanner}), so an article only
 * tries the rules filed under words it contains; plain Monitor's presearcher favours long words
 * rather than rare ones and tries every wildcard rule on every article. The matches are the same as
 * plain Monitor's (the benchmark checks it); only the work differs.
 *
 * <p>A rule that fails to parse is refused by {@link #put} with its reason; the rules already held
 * are untouched. {@link #match} is safe to call from several threads, also while rules change.
 */
public final class RuleBook implements Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(RuleBook.class);

  private final Analyzer analyzer = LuceneFields.analyzer();
  private final LuceneQueryBuilder queryBuilder = new LuceneQueryBuilder(analyzer);
  private final TermStatistics seen = new TermStatistics();
  private final AnchorPlanner planner = new AnchorPlanner(queryBuilder, seen);
  private final QueryLimits limits;
  private final int maxRulesPerSubscriber;
  private final Map<String, CompiledRule> rules = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> perSubscriber = new ConcurrentHashMap<>();
  private final AnchorIndex index = new AnchorIndex();

  /**
   * Matching holds the read lock while it looks up and evaluates candidates; filing a rule (add,
   * replace, remove, replan) holds the write lock, so an article sees every rule either wholly
   * before or wholly after a change. Without it, an article matched while a rule moved from one
   * anchor to another could find neither version and silently miss the rule.
   */
  private final ReadWriteLock filing = new ReentrantReadWriteLock();

  private final LongAdder candidatesTried = new LongAdder();
  private final LongAdder candidatesLackingWords = new LongAdder();
  private final LongAdder ruleErrors = new LongAdder();

  /**
   * Rules whose failure was logged: each is logged once, so a failing rule cannot flood the log. An
   * id leaves when its rule is replaced or removed, so this never outgrows the rule book.
   */
  private final Set<String> failuresLogged = ConcurrentHashMap.newKeySet();

  private final AtomicLong articlesMatched = new AtomicLong();

  /**
   * After how many articles every rule is filed again under its rarest word by what the articles so
   * far show; word statistics are gathered up to the last of these and then frozen.
   */
  static final long[] REPLAN_AFTER = {TermRarity.MIN_SAMPLE, 1000};

  public RuleBook(QueryLimits limits, int maxRulesPerSubscriber) {
    this.limits = limits;
    this.maxRulesPerSubscriber = maxRulesPerSubscriber;
  }

  public RuleBook() {
    this(RuleAdmission.DEFAULT.limits(), RuleAdmission.DEFAULT.maxRulesPerSubscriber());
  }

  /** Parses a rule's query without registering it: empty when it is acceptable. */
  public Optional<String> check(AlertRule rule) {
    CompiledRule existing = rules.get(rule.id());
    return new RuleAdmission(limits, maxRulesPerSubscriber)
        .check(
            rule,
            existing == null ? null : existing.rule.subscriber(),
            subscriberRules(rule.subscriber()));
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
   * Adds or replaces many rules; the refused ones are returned with their reason. Unlike {@link
   * #put}, this does not apply the per-subscriber limit: it is for restoring rules already
   * accepted.
   */
  public Map<String, String> putAll(Collection<AlertRule> batch) {
    Map<String, String> refused = new LinkedHashMap<>();
    QueryParser parser = new QueryParser(limits);
    for (AlertRule rule : batch) {
      try {
        QueryNode node = parser.parse(rule.query());
        MatchedClauses.Prepared prepared = MatchedClauses.prepare(node, queryBuilder);
        Query query = PreRewrite.apply(prepared.whole());
        AnchorSet anchors = planner.plan(node);
        RequiredTerms required = RequiredTerms.of(node, queryBuilder);
        install(
            new CompiledRule(
                rule,
                node,
                query,
                anchors,
                required,
                required.forAnchors(anchors, planner::frequency),
                prepared.clauses()));
      } catch (QueryParseException e) {
        refused.put(rule.id(), e.getMessage());
      }
    }
    return refused;
  }

  private void install(CompiledRule compiled) {
    filing.writeLock().lock();
    try {
      CompiledRule old = rules.put(compiled.rule.id(), compiled);
      failuresLogged.remove(compiled.rule.id());
      index.add(compiled);
      if (old != null) {
        index.remove(old);
        count(old.rule.subscriber(), -1);
      }
      count(compiled.rule.subscriber(), 1);
    } finally {
      filing.writeLock().unlock();
    }
  }

  public void remove(String ruleId) {
    filing.writeLock().lock();
    try {
      CompiledRule old = rules.remove(ruleId);
      failuresLogged.remove(ruleId);
      if (old != null) {
        index.remove(old);
        count(old.rule.subscriber(), -1);
      }
    } finally {
      filing.writeLock().unlock();
    }
  }

  public Optional<AlertRule> get(String ruleId) {
    return Optional.ofNullable(rules.get(ruleId)).map(c -> c.rule);
  }

  public List<AlertRule> all() {
    return rules.values().stream()
        .map(c -> c.rule)
        .sorted(Comparator.comparing(AlertRule::id))
        .toList();
  }

  public int size() {
    return rules.size();
  }

  /** Rules tried on articles so far (matched or not): how well anchors filter. */
  public long candidatesTried() {
    return candidatesTried.sum();
  }

  /** Candidates skipped without running their query: the article lacks a word they need. */
  public long candidatesLackingWords() {
    return candidatesLackingWords.sum();
  }

  /** Rule evaluations that failed (e.g. a wildcard expanding too far) and so did not match. */
  public long ruleErrors() {
    return ruleErrors.sum();
  }

  /** Every rule that matches the article, with where it matched and which clauses did. */
  public List<RuleMatch> match(MatchableArticle article) {
    if (rules.isEmpty()) {
      return List.of();
    }
    try {
      IndexSearcher searcher = ArticleDocument.searcher(article, analyzer);
      LeafReaderContext leaf = searcher.getIndexReader().leaves().get(0);
      // before taking the read lock: this may replan, which takes the write lock
      learnFrom(leaf);
      List<RuleMatch> matches = new ArrayList<>();
      filing.readLock().lock();
      try {
        var candidates = index.candidates(leaf.reader());
        candidatesTried.add(candidates.size());
        RequiredTerms.ArticleTerms words = new RequiredTerms.ArticleTerms(leaf.reader());
        for (CompiledRule c : candidates) {
          if (!c.checks.mayMatch(words)) {
            candidatesLackingWords.increment(); // lacks a word the rule needs: cannot match
            continue;
          }
          Matches m = matches(searcher, leaf, c, c.query);
          if (m != null) {
            List<MatchSpan> spans = Highlights.spans(article, m);
            List<String> clauses = c.clauses.of(q -> matches(searcher, leaf, c, q) != null);
            matches.add(new RuleMatch(c.rule, spans, clauses));
          }
        }
      } finally {
        filing.readLock().unlock();
      }
      matches.sort(Comparator.comparing(r -> r.rule().id()));
      return matches;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void learnFrom(LeafReaderContext article) throws IOException {
    long n = articlesMatched.incrementAndGet();
    if (n > REPLAN_AFTER[REPLAN_AFTER.length - 1]) {
      return;
    }
    seen.observe(article.reader());
    for (long at : REPLAN_AFTER) {
      if (n == at) {
        replan();
      }
    }
  }

  /**
   * Files every rule again under the anchors the current statistics favour. Runs on the thread that
   * matched the article reaching the threshold. The anchors are chosen before taking the write
   * lock, so matching only waits for the swap; a rule replaced meanwhile keeps its new version.
   */
  void replan() {
    List<CompiledRule[]> swaps = new ArrayList<>(rules.size());
    for (CompiledRule old : rules.values()) {
      AnchorSet anchors = planner.plan(old.node);
      swaps.add(
          new CompiledRule[] {
            old, old.withAnchors(anchors, old.required.forAnchors(anchors, planner::frequency))
          });
    }
    filing.writeLock().lock();
    try {
      for (CompiledRule[] swap : swaps) {
        if (rules.replace(swap[0].rule.id(), swap[0], swap[1])) {
          index.remove(swap[0]);
          index.add(swap[1]);
        }
      }
    } finally {
      filing.writeLock().unlock();
    }
  }

  /**
   * Null when the query (a rule, or one clause of a top-level OR) does not match; a failing query
   * (as in Monitor) counts as no match.
   */
  private Matches matches(
      IndexSearcher searcher, LeafReaderContext leaf, CompiledRule rule, Query query) {
    try {
      Query rewritten =
          PreRewrite.isDone(query) ? PreRewrite.unwrap(query) : searcher.rewrite(query);
      Weight w = searcher.createWeight(rewritten, ScoreMode.COMPLETE_NO_SCORES, 1);
      return w.matches(leaf, 0);
    } catch (IOException | RuntimeException e) {
      ruleErrors.increment();
      if (failuresLogged.add(rule.rule.id())) {
        LOG.warn(
            "rule {} ({}) failed and counts as no match", rule.rule.id(), rule.rule.query(), e);
      }
      return null;
    }
  }

  private long subscriberRules(String subscriber) {
    LongAdder n = perSubscriber.get(subscriber);
    return n == null ? 0 : n.sum();
  }

  private void count(String subscriber, int delta) {
    perSubscriber.computeIfAbsent(subscriber, s -> new LongAdder()).add(delta);
  }

  @Override
  public void close() {
    rules.clear();
  }
}
