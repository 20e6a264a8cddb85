package io.wirewatch.alert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * Rewrites a rule's query once, at registration, instead of once per article. Only done when
 * nothing in the query depends on the article's terms (a {@link MultiTermQuery} such as a wildcard
 * does: it expands to the article's words); the rewrite of boolean, term, phrase and interval
 * queries looks at the query alone.
 */
final class PreRewrite {

  private static final IndexSearcher EMPTY = new MemoryIndex().createSearcher();

  private PreRewrite() {}

  static Query apply(Query query) {
    if (dependsOnArticle(query)) {
      return query;
    }
    try {
      return new Done(EMPTY.rewrite(query));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean isDone(Query query) {
    return query instanceof Done;
  }

  /** The query to run: the rewritten one when rewriting was done ahead. */
  static Query unwrap(Query query) {
    return query instanceof Done d ? d.rewritten : query;
  }

  private static boolean dependsOnArticle(Query query) {
    AtomicBoolean found = new AtomicBoolean();
    query.visit(
        new QueryVisitor() {
          @Override
          public QueryVisitor getSubVisitor(
              org.apache.lucene.search.BooleanClause.Occur occur, Query parent) {
            return this;
          }

          @Override
          public void visitLeaf(Query leaf) {
            if (leaf instanceof MultiTermQuery) {
              found.set(true);
            }
          }

          @Override
          public void consumeTermsMatching(
              Query parent,
              String field,
              java.util.function.Supplier<org.apache.lucene.util.automaton.ByteRunAutomaton>
                  automaton) {
            found.set(true);
          }
        });
    return found.get();
  }

  /** Marks a query already rewritten, so matching skips the per-article rewrite. */
  private static final class Done extends Query {
    final Query rewritten;

    Done(Query rewritten) {
      this.rewritten = rewritten;
    }

    @Override
    public String toString(String field) {
      return rewritten.toString(field);
    }

    @Override
    public void visit(QueryVisitor visitor) {
      rewritten.visit(visitor);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Done d && d.rewritten.equals(rewritten);
    }

    @Override
    public int hashCode() {
      return rewritten.hashCode();
    }
  }
}
