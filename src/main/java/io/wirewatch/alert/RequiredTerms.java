package io.wirewatch.alert;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;

/**
 * Words an article must contain for a rule to have any chance of matching: a list of groups, each
 * needing at least one of its (field, word) pairs in the article. The anchor index brings up every
 * rule filed under one word of the article; most of those lack another word they need (the second
 * word of a phrase, the other side of an AND or a NEAR). Looking those words up in the article's
 * term dictionary costs a few binary searches, far less than building and running the rule's Lucene
 * query, which is what the rule book did for every candidate before.
 *
 * <p>Like anchors, requirements only ever skip rules that cannot match: a part whose words cannot
 * be promised (a wildcard, a NOT, an OR with such a branch) requires nothing.
 */
final class RequiredTerms {

  static final RequiredTerms NONE = new RequiredTerms(List.of());

  private final Term[][] groups;

  /** Each term's first bytes as {@link FieldTerms#leadingBytes} gives them, for its look-ups. */
  private final long[][] starts;

  private RequiredTerms(List<List<Term>> groups) {
    this.groups = groups.stream().map(g -> g.toArray(Term[]::new)).toArray(Term[][]::new);
    this.starts = new long[this.groups.length][];
    for (int i = 0; i < this.groups.length; i++) {
      starts[i] = new long[this.groups[i].length];
      for (int k = 0; k < this.groups[i].length; k++) {
        starts[i][k] = FieldTerms.leadingBytes(this.groups[i][k].bytes());
      }
    }
  }

  static RequiredTerms of(QueryNode node, LuceneQueryBuilder builder) {
    List<List<Term>> groups = collect(node, null, builder);
    // one group is what the rule's anchors already promise (the article holds one of its words), so
    // it would cost memory and lookups for nothing
    return groups.size() <= 1 ? NONE : new RequiredTerms(groups);
  }

  /** How many groups must be satisfied; zero when nothing is required. */
  int size() {
    return groups.length;
  }

  /** False when the article lacks every word of some group, so the rule cannot match it. */
  boolean mayMatch(ArticleTerms article) throws IOException {
    for (int i = 0; i < groups.length; i++) {
      Term[] group = groups[i];
      boolean any = false;
      for (int k = 0; k < group.length; k++) {
        if (article.contains(group[k], starts[i][k])) {
          any = true;
          break;
        }
      }
      if (!any) {
        return false;
      }
    }
    return true;
  }

  /** {@code proximityField}: inside NEAR every operand is looked up in the NEAR's own field. */
  private static List<List<Term>> collect(
      QueryNode node, String proximityField, LuceneQueryBuilder builder) {
    if (node instanceof QueryNode.Text text) {
      List<String> fields =
          proximityField != null
              ? List.of(proximityField)
              : LuceneFields.searched(text.field(), text.caseSensitive());
      List<List<List<Term>>> perField = new ArrayList<>();
      for (String f : fields) {
        List<List<Term>> words = new ArrayList<>();
        for (String token : builder.analyze(f, text.text())) {
          words.add(List.of(new Term(f, token)));
        }
        perField.add(words);
      }
      return anyOf(perField);
    }
    if (node instanceof QueryNode.And and) {
      List<List<Term>> all = new ArrayList<>();
      for (QueryNode clause : and.clauses()) {
        if (!(clause instanceof QueryNode.Not)) {
          all.addAll(collect(clause, proximityField, builder));
        }
      }
      return all;
    }
    if (node instanceof QueryNode.Or or) {
      List<List<List<Term>>> branches = new ArrayList<>();
      for (QueryNode clause : or.clauses()) {
        branches.add(collect(clause, proximityField, builder));
      }
      return anyOf(branches);
    }
    if (node instanceof QueryNode.Near near) {
      List<String> fields =
          proximityField != null ? List.of(proximityField) : LuceneQueryBuilder.nearFields(near);
      List<List<List<Term>>> perField = new ArrayList<>();
      for (String f : fields) {
        List<List<Term>> both = new ArrayList<>(collect(near.left(), f, builder));
        both.addAll(collect(near.right(), f, builder));
        perField.add(both);
      }
      return anyOf(perField);
    }
    // a wildcard may expand to any word; a lone NOT matches by what is absent
    return List.of();
  }

  /**
   * What is required when any one of several alternatives may hold. Alternatives with as many
   * groups are merged group by group (a phrase searched in title and body needs its i-th word in
   * either); otherwise each alternative's first group goes into one. An alternative that requires
   * nothing makes the whole require nothing.
   */
  private static List<List<Term>> anyOf(List<List<List<Term>>> alternatives) {
    if (alternatives.isEmpty() || alternatives.stream().anyMatch(List::isEmpty)) {
      return List.of();
    }
    int size = alternatives.get(0).size();
    boolean aligned = alternatives.stream().allMatch(a -> a.size() == size);
    List<List<Term>> out = new ArrayList<>();
    for (int i = 0; i < (aligned ? size : 1); i++) {
      Set<Term> group = new LinkedHashSet<>();
      for (List<List<Term>> a : alternatives) {
        group.addAll(a.get(i));
      }
      out.add(List.copyOf(group));
    }
    return out;
  }

  /** One article's term dictionaries, each field's opened once and reused for every lookup. */
  static final class ArticleTerms {
    private final LeafReader reader;
    private final Map<String, Terms> byField = new HashMap<>();

    ArticleTerms(LeafReader reader) {
      this.reader = reader;
    }

    boolean contains(Term t) throws IOException {
      return contains(t, FieldTerms.leadingBytes(t.bytes()));
    }

    /** {@code start}: the term's {@link FieldTerms#leadingBytes}. */
    boolean contains(Term t, long start) throws IOException {
      Terms terms = byField.get(t.field());
      if (terms == null && !byField.containsKey(t.field())) {
        terms = reader.terms(t.field());
        byField.put(t.field(), terms);
      }
      if (terms instanceof FieldTerms ours) {
        return ours.find(t.bytes(), start) >= 0;
      }
      return terms != null && terms.iterator().seekExact(t.bytes());
    }
  }
}
