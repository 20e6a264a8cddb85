package io.wirewatch.alert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.intervals.IntervalQuery;
import org.apache.lucene.queries.intervals.Intervals;
import org.apache.lucene.queries.intervals.IntervalsSource;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Turns a parsed query into the Lucene query Lucene Monitor registers; proximity uses intervals.
 */
final class LuceneQueryBuilder {

  /** How many words one wildcard may expand to inside a proximity clause. */
  static final int MAX_PREFIX_EXPANSIONS = 128;

  private final Analyzer analyzer;

  LuceneQueryBuilder(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  Query build(QueryNode node) {
    if (node instanceof QueryNode.Text text) {
      return anyField(text.field(), text.caseSensitive(), f -> textQuery(f, text.text()));
    }
    if (node instanceof QueryNode.Prefix prefix) {
      return anyField(
          prefix.field(),
          prefix.caseSensitive(),
          f -> new PrefixQuery(new Term(f, prefix.prefix())));
    }
    if (node instanceof QueryNode.And and) {
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      for (QueryNode clause : and.clauses()) {
        if (clause instanceof QueryNode.Not not) {
          b.add(build(not.clause()), BooleanClause.Occur.MUST_NOT);
        } else {
          b.add(build(clause), BooleanClause.Occur.MUST);
        }
      }
      return b.build();
    }
    if (node instanceof QueryNode.Or or) {
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      for (QueryNode clause : or.clauses()) {
        b.add(build(clause), BooleanClause.Occur.SHOULD);
      }
      return b.build();
    }
    if (node instanceof QueryNode.Near near) {
      List<String> fields = nearFields(near);
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      for (String f : fields) {
        b.add(new IntervalQuery(f, intervals(near, f)), BooleanClause.Occur.SHOULD);
      }
      return b.build();
    }
    if (node instanceof QueryNode.Not not) {
      // a lone NOT inside OR: matches what the clause does not, among articles that have text
      return new BooleanQuery.Builder()
          .add(new PrefixQuery(new Term(LuceneFields.BODY, "")), BooleanClause.Occur.MUST)
          .add(build(not.clause()), BooleanClause.Occur.MUST_NOT)
          .build();
    }
    throw new IllegalArgumentException("unknown node " + node);
  }

  private IntervalsSource intervals(QueryNode node, String field) {
    if (node instanceof QueryNode.Text text) {
      List<String> tokens = analyze(field, text.text());
      if (tokens.isEmpty()) {
        return Intervals.term("\u0000");
      }
      return tokens.size() == 1
          ? Intervals.term(tokens.get(0))
          : Intervals.phrase(tokens.toArray(String[]::new));
    }
    if (node instanceof QueryNode.Prefix prefix) {
      return Intervals.prefix(new BytesRef(prefix.prefix()), MAX_PREFIX_EXPANSIONS);
    }
    if (node instanceof QueryNode.Or or) {
      return Intervals.or(or.clauses().stream().map(c -> intervals(c, field)).toList());
    }
    if (node instanceof QueryNode.Near near) {
      IntervalsSource a = intervals(near.left(), field);
      IntervalsSource b = intervals(near.right(), field);
      return Intervals.maxgaps(
          near.slop(), near.ordered() ? Intervals.ordered(a, b) : Intervals.unordered(a, b));
    }
    throw new IllegalArgumentException("not a proximity operand: " + node);
  }

  /** The fields a proximity clause runs in: those of its first word, in its case mode. */
  static List<String> nearFields(QueryNode node) {
    QueryNode leaf = node;
    while (!(leaf instanceof QueryNode.Text) && !(leaf instanceof QueryNode.Prefix)) {
      if (leaf instanceof QueryNode.Near near) {
        leaf = near.left();
      } else if (leaf instanceof QueryNode.Or or) {
        leaf = or.clauses().get(0);
      } else {
        throw new IllegalArgumentException("not a proximity operand: " + leaf);
      }
    }
    if (leaf instanceof QueryNode.Text t) {
      return LuceneFields.searched(t.field(), t.caseSensitive());
    }
    QueryNode.Prefix p = (QueryNode.Prefix) leaf;
    return LuceneFields.searched(p.field(), p.caseSensitive());
  }

  private Query anyField(
      String field, boolean cs, java.util.function.Function<String, Query> perField) {
    List<String> fields = LuceneFields.searched(field, cs);
    if (fields.size() == 1) {
      return perField.apply(fields.get(0));
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (String f : fields) {
      b.add(perField.apply(f), BooleanClause.Occur.SHOULD);
    }
    return b.build();
  }

  private Query textQuery(String field, String text) {
    List<String> tokens = analyze(field, text);
    if (tokens.isEmpty()) {
      return new MatchNoDocsQuery("no searchable words in '" + text + "'");
    }
    if (tokens.size() == 1) {
      return new TermQuery(new Term(field, tokens.get(0)));
    }
    return new PhraseQuery(field, tokens.toArray(String[]::new));
  }

  List<String> analyze(String field, String text) {
    List<String> tokens = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        tokens.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return tokens;
  }
}
