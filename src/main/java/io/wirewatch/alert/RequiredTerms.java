package io.wirewatch.alert;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * Phrases an article must contain for a rule to have any chance of matching: a list of groups, each
 * needing at least one of its phrases (words at consecutive positions of one field; a word alone is
 * a phrase of one) in the article. The anchor index brings up every rule filed under one word of
 * the article; most of those lack another word they need (the other side of an AND or a NEAR), or
 * hold a phrase's words apart rather than side by side. Looking those words and their positions up
 * in the article's own index costs a few binary searches, far less than building and running the
 * rule's Lucene query, which is what the rule book did for every candidate before.
 *
 * <p>Like anchors, requirements only ever skip rules that cannot match: a part whose words cannot
 * be promised (a NOT, an OR with such a branch) requires nothing.
 */
final class RequiredTerms {

  static final RequiredTerms NONE = new RequiredTerms(List.of());

  /**
   * Words that must follow one another in one field; a single word is a phrase of one. A prefix
   * stands for one word: any word of the field that starts with it.
   */
  record Phrase(String field, List<String> words, boolean prefix) {}

  private final Group[] groups;

  /**
   * The groups as {@link #mayMatch} reads them, packed into two arrays so that checking a candidate
   * reads two arrays of the rule rather than a dozen small objects scattered over the heap (most
   * candidates are checked and dropped, and at many rules few of theirs are in the cache). Per
   * group: its number of phrases; per phrase: its field's {@link LuceneFields#number}, 1 for a
   * prefix (else 0), its number of words; per word: its {@link DistinctWords#hash}, and where its
   * UTF-8 starts in {@link #letters} and how long it is.
   */
  private final int[] program;

  private final byte[] letters;

  private RequiredTerms(List<List<Phrase>> groups) {
    this(groups.stream().map(Group::new).toArray(Group[]::new));
  }

  private RequiredTerms(Group[] groups) {
    this.groups = groups;
    IntArrayList code = new IntArrayList();
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    for (Group group : groups) {
      code.add(group.phrases.size());
      for (Phrase phrase : group.phrases) {
        code.add(LuceneFields.number(phrase.field()));
        code.add(phrase.prefix() ? 1 : 0);
        code.add(phrase.words().size());
        for (String word : phrase.words()) {
          BytesRef utf8 = new BytesRef(word);
          code.add(DistinctWords.hash(utf8));
          code.add(bytes.size());
          code.add(utf8.length);
          bytes.write(utf8.bytes, utf8.offset, utf8.length);
        }
      }
    }
    this.program = code.toArray();
    this.letters = bytes.toByteArray();
  }

  /** A growing list of ints, for building {@link #program}. */
  private static final class IntArrayList {
    private int[] values = new int[16];
    private int size;

    void add(int value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    int[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }

  static RequiredTerms of(QueryNode node, LuceneQueryBuilder builder) {
    List<List<Phrase>> groups = collect(node, null, builder);
    // a single group of single words is what the rule's anchors already promise (the article holds
    // one of them), so it would cost memory and lookups for nothing; a prefix anchor promises
    // only the prefix's first letters
    boolean anyPhrase =
        groups.stream()
            .flatMap(List::stream)
            .anyMatch(phrase -> phrase.words().size() > 1 || phrase.prefix());
    return groups.size() > 1 || anyPhrase ? new RequiredTerms(groups) : NONE;
  }

  /**
   * The groups a candidate filed under {@code anchors} still has to be checked for, the likeliest
   * to fail first. A candidate comes up only through one of its anchors, which the article then
   * holds; a group that every anchor satisfies by itself (the anchor's word, alone, is one of the
   * group's phrases) therefore always holds and is dropped: for a rule {@code a AND b} filed under
   * {@code a}, only {@code b} is looked up. Of the rest, the group least likely to be in an article
   * ({@code frequency}: a phrase's estimated share of articles) goes first, so most candidates that
   * cannot match are turned away by their first look-up. Which candidates pass is unchanged.
   */
  RequiredTerms forAnchors(AnchorSet anchors, ToDoubleFunction<Phrase> frequency) {
    if (groups.length == 0) {
      return this;
    }
    List<Group> kept = new ArrayList<>(groups.length);
    for (Group group : groups) {
      if (!impliedBy(anchors, group)) {
        kept.add(group);
      }
    }
    if (kept.isEmpty()) {
      return NONE;
    }
    Map<Group, Double> likelihood = new HashMap<>();
    for (Group group : kept) {
      double sum = 0;
      for (Phrase phrase : group.phrases) {
        sum += frequency.applyAsDouble(phrase);
      }
      likelihood.put(group, sum);
    }
    // a stable sort: groups estimated alike stay in query order
    kept.sort(java.util.Comparator.comparingDouble(likelihood::get));
    return new RequiredTerms(kept.toArray(Group[]::new));
  }

  /**
   * Whether every anchor is, alone, one of the group's phrases, so that any anchor satisfies it.
   */
  private static boolean impliedBy(AnchorSet anchors, Group group) {
    if (anchors.always() || anchors.anchors().isEmpty()) {
      return false;
    }
    for (Anchor anchor : anchors.anchors()) {
      Phrase same = new Phrase(anchor.field(), List.of(anchor.term()), anchor.prefix());
      if (!group.phrases.contains(same)) {
        return false;
      }
    }
    return true;
  }

  /** How many groups must be satisfied; zero when nothing is required. */
  int size() {
    return groups.length;
  }

  /** False when the article holds no phrase of some group, so the rule cannot match it. */
  boolean mayMatch(ArticleTerms article) throws IOException {
    int at = 0;
    for (int g = 0; g < groups.length; g++) {
      int phrases = program[at++];
      boolean any = false;
      for (int k = 0; k < phrases; k++) {
        int field = program[at];
        boolean prefix = program[at + 1] != 0;
        int words = program[at + 2];
        int firstWord = at + 3;
        at = firstWord + 3 * words;
        if (!any) {
          any =
              prefix
                  ? article.hasPrefix(
                      field, letters, program[firstWord + 1], program[firstWord + 2])
                  : article.contains(field, program, firstWord, words, letters);
        }
      }
      if (!any) {
        return false;
      }
    }
    return true;
  }

  /** One group's phrases: the article must hold one of them. */
  private static final class Group {
    final List<Phrase> phrases;

    Group(List<Phrase> phrases) {
      this.phrases = List.copyOf(phrases);
    }
  }

  /** {@code proximityField}: inside NEAR every operand is looked up in the NEAR's own field. */
  private static List<List<Phrase>> collect(
      QueryNode node, String proximityField, LuceneQueryBuilder builder) {
    if (node instanceof QueryNode.Text text) {
      List<String> fields =
          proximityField != null
              ? List.of(proximityField)
              : LuceneFields.searched(text.field(), text.caseSensitive());
      List<List<List<Phrase>>> perField = new ArrayList<>();
      for (String f : fields) {
        // a text of several words is a phrase query (or an interval phrase inside NEAR): its words
        // at consecutive positions; a text of none matches nothing and so promises nothing
        List<String> words = builder.analyze(f, text.text());
        perField.add(words.isEmpty() ? List.of() : List.of(List.of(new Phrase(f, words, false))));
      }
      return anyOf(perField);
    }
    if (node instanceof QueryNode.Prefix prefix) {
      // the same bytes and fields the prefix query (or interval prefix) expands
      List<String> fields =
          proximityField != null
              ? List.of(proximityField)
              : LuceneFields.searched(prefix.field(), prefix.caseSensitive());
      List<Phrase> any = new ArrayList<>();
      for (String f : fields) {
        any.add(new Phrase(f, List.of(prefix.prefix()), true));
      }
      return List.of(any);
    }
    if (node instanceof QueryNode.And and) {
      List<List<Phrase>> all = new ArrayList<>();
      for (QueryNode clause : and.clauses()) {
        if (!(clause instanceof QueryNode.Not)) {
          all.addAll(collect(clause, proximityField, builder));
        }
      }
      return all;
    }
    if (node instanceof QueryNode.Or or) {
      List<List<List<Phrase>>> branches = new ArrayList<>();
      for (QueryNode clause : or.clauses()) {
        branches.add(collect(clause, proximityField, builder));
      }
      return anyOf(branches);
    }
    if (node instanceof QueryNode.Near near) {
      List<String> fields =
          proximityField != null ? List.of(proximityField) : LuceneQueryBuilder.nearFields(near);
      List<List<List<Phrase>>> perField = new ArrayList<>();
      for (String f : fields) {
        List<List<Phrase>> both = new ArrayList<>(collect(near.left(), f, builder));
        both.addAll(collect(near.right(), f, builder));
        perField.add(both);
      }
      return anyOf(perField);
    }
    // a lone NOT matches by what is absent
    return List.of();
  }

  /**
   * What is required when any one of several alternatives may hold. Alternatives with as many
   * groups are merged group by group (a phrase searched in title and body needs to be in either);
   * otherwise each alternative's first group goes into one. An alternative that requires nothing
   * makes the whole require nothing.
   */
  private static List<List<Phrase>> anyOf(List<List<List<Phrase>>> alternatives) {
    if (alternatives.isEmpty() || alternatives.stream().anyMatch(List::isEmpty)) {
      return List.of();
    }
    int size = alternatives.get(0).size();
    boolean aligned = alternatives.stream().allMatch(a -> a.size() == size);
    List<List<Phrase>> out = new ArrayList<>();
    for (int i = 0; i < (aligned ? size : 1); i++) {
      Set<Phrase> group = new LinkedHashSet<>();
      for (List<List<Phrase>> a : alternatives) {
        group.addAll(a.get(i));
      }
      out.add(List.copyOf(group));
    }
    return out;
  }

  /** One article's term dictionaries, each field's opened once and reused for every lookup. */
  static final class ArticleTerms {
    private final LeafReader reader;
    private final Terms[] byField = new Terms[LuceneFields.ALL.size()];
    private final boolean[] opened = new boolean[LuceneFields.ALL.size()];

    ArticleTerms(LeafReader reader) {
      this.reader = reader;
    }

    /**
     * Whether field number {@code field} holds a word starting with the prefix in {@code bytes}.
     */
    boolean hasPrefix(int field, byte[] bytes, int offset, int length) throws IOException {
      Terms terms = terms(field);
      BytesRef prefix = new BytesRef(bytes, offset, length);
      if (terms instanceof FieldTerms ours) {
        return ours.hasPrefix(prefix);
      }
      if (terms == null) {
        return false;
      }
      TermsEnum te = terms.iterator();
      return te.seekCeil(prefix) != TermsEnum.SeekStatus.END
          && StringHelper.startsWith(te.term(), prefix);
    }

    private Terms terms(int field) throws IOException {
      if (!opened[field]) {
        byField[field] = reader.terms(LuceneFields.ALL.get(field));
        opened[field] = true;
      }
      return byField[field];
    }

    /**
     * Whether field number {@code field} holds the words at consecutive positions; the words as
     * {@link RequiredTerms#program} lists them from {@code from}. On an index other than {@link
     * ArticleReader}'s, only whether it holds every word, which never rules out more.
     */
    boolean contains(int field, int[] program, int from, int words, byte[] letters)
        throws IOException {
      Terms terms = terms(field);
      if (terms instanceof FieldTerms ours) {
        return ours.hasPhrase(program, from, words, letters);
      }
      if (terms == null) {
        return false;
      }
      TermsEnum te = terms.iterator();
      for (int w = 0; w < words; w++) {
        int at = from + 3 * w;
        if (!te.seekExact(new BytesRef(letters, program[at + 1], program[at + 2]))) {
          return false;
        }
      }
      return true;
    }
  }
}
