package io.wirewatch.alert;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * Rules filed under their anchors, per Lucene field: an article's candidates are the rules filed
 * under a word it contains (or under the start of one), plus the few that must always be tried.
 * Reading never blocks: each anchor's rules are a small array replaced whole on change.
 */
final class AnchorIndex {

  private static final CompiledRule[] NONE = {};

  private final Map<String, Map<BytesRef, CompiledRule[]>> words = new ConcurrentHashMap<>();
  private final Map<String, Map<BytesRef, CompiledRule[]>> prefixes = new ConcurrentHashMap<>();
  private final Set<CompiledRule> always = ConcurrentHashMap.newKeySet();

  /** Word and prefix anchors alike: the prefix lookups are few, they need no table of their own. */
  private final AnchorFilter filter = new AnchorFilter();

  /** How many prefix anchors have each length in code points, to try only lengths in use. */
  private final AtomicIntegerArray prefixLengths =
      new AtomicIntegerArray(AnchorPlanner.MAX_PREFIX_ANCHOR + 1);

  void add(CompiledRule rule) {
    if (rule.anchors.always()) {
      always.add(rule);
      return;
    }
    for (Anchor a : rule.anchors.anchors()) {
      Map<BytesRef, CompiledRule[]> byTerm =
          (a.prefix() ? prefixes : words)
              .computeIfAbsent(a.field(), f -> new ConcurrentHashMap<>());
      BytesRef term = new BytesRef(a.term());
      byTerm.merge(term, new CompiledRule[] {rule}, AnchorIndex::concat);
      filter.add(a.field(), term);
      if (a.prefix()) {
        prefixLengths.incrementAndGet(a.term().codePointCount(0, a.term().length()));
      }
    }
  }

  void remove(CompiledRule rule) {
    if (rule.anchors.always()) {
      always.remove(rule);
      return;
    }
    for (Anchor a : rule.anchors.anchors()) {
      Map<BytesRef, CompiledRule[]> byTerm = (a.prefix() ? prefixes : words).get(a.field());
      BytesRef term = new BytesRef(a.term());
      // only what was filed leaves the filter: dropping a count twice could hide another anchor
      if (byTerm != null && Arrays.asList(byTerm.getOrDefault(term, NONE)).contains(rule)) {
        filter.remove(a.field(), term);
        byTerm.computeIfPresent(term, (k, rules) -> without(rules, rule));
      }
      if (a.prefix()) {
        prefixLengths.decrementAndGet(a.term().codePointCount(0, a.term().length()));
      }
    }
  }

  /** Every rule the article could match; each at most once. */
  Set<CompiledRule> candidates(LeafReader article) throws IOException {
    // sized for the hundred-odd candidates of an article at 10,000 rules, to spare the resizes
    Set<CompiledRule> out =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>(256));
    out.addAll(always);
    for (var e : words.entrySet()) {
      String field = e.getKey();
      if (e.getValue().isEmpty()) {
        continue;
      }
      Map<BytesRef, CompiledRule[]> byTerm = e.getValue();
      if (article instanceof ArticleReader ours) {
        addWordCandidates(field, ours.words(field), byTerm, out);
        continue;
      }
      BytesRef[] terms = termsOf(article, field);
      if (terms == null) {
        continue;
      }
      for (BytesRef t : terms) {
        if (filter.mayHold(field, t)) {
          addAll(out, byTerm.get(t));
        }
      }
    }
    for (var e : prefixes.entrySet()) {
      BytesRef[] terms = e.getValue().isEmpty() ? null : termsOf(article, e.getKey());
      if (terms != null) {
        addPrefixCandidates(e.getKey(), terms, e.getValue(), out);
      }
    }
    return out;
  }

  /**
   * The rules filed under the field's words, which are asked of the filter by the hashes the
   * article index computed when it found them, not hashed again.
   */
  private void addWordCandidates(
      String field,
      DistinctWords words,
      Map<BytesRef, CompiledRule[]> byTerm,
      Set<CompiledRule> out) {
    if (words == null) {
      return;
    }
    int fieldHash = AnchorFilter.hash(field);
    for (int t = 0, n = words.size(); t < n; t++) {
      BytesRef term = words.terms[t];
      if (filter.mayHold(AnchorFilter.hash(fieldHash, words.hashOf(t), term.length))) {
        addAll(out, byTerm.get(term));
      }
    }
  }

  private static void addAll(Set<CompiledRule> out, CompiledRule[] rules) {
    if (rules != null) {
      Collections.addAll(out, rules);
    }
  }

  /**
   * The field's terms, each at least once, in any order: the one-article index gives them without
   * sorting its dictionary, which is then only sorted if some query reads the field in order.
   */
  private static BytesRef[] termsOf(LeafReader article, String field) throws IOException {
    if (article instanceof ArticleReader ours) {
      return ours.distinctTerms(field);
    }
    Terms terms = article.terms(field);
    if (terms == null) {
      return null;
    }
    List<BytesRef> out = new ArrayList<>();
    TermsEnum te = terms.iterator();
    for (BytesRef t = te.next(); t != null; t = te.next()) {
      out.add(BytesRef.deepCopyOf(t));
    }
    return out.toArray(BytesRef[]::new);
  }

  private void addPrefixCandidates(
      String field,
      BytesRef[] terms,
      Map<BytesRef, CompiledRule[]> byPrefix,
      Set<CompiledRule> out) {
    BytesRef probe = new BytesRef();
    int fieldHash = AnchorFilter.hash(field);
    // the lengths in use, read once: rules are not filed while an article is matched
    int lengthsInUse = 0;
    for (int n = 1; n <= AnchorPlanner.MAX_PREFIX_ANCHOR; n++) {
      if (prefixLengths.get(n) > 0) {
        lengthsInUse |= 1 << n;
      }
    }
    for (BytesRef t : terms) {
      probe.bytes = t.bytes;
      probe.offset = t.offset;
      int end = t.offset + t.length;
      int at = t.offset;
      int hash = fieldHash;
      // walk the UTF-8 bytes one code point at a time; a prefix of n code points ends here
      for (int n = 1; n <= AnchorPlanner.MAX_PREFIX_ANCHOR && at < end; n++) {
        int next = at + utf8Length(t.bytes[at]);
        if (next > end) {
          break;
        }
        for (; at < next; at++) {
          hash = AnchorFilter.hash(hash, t.bytes[at]);
        }
        if ((lengthsInUse & 1 << n) != 0 && filter.mayHold(hash)) {
          probe.length = at - t.offset;
          addAll(out, byPrefix.get(probe));
        }
      }
    }
  }

  private static int utf8Length(byte lead) {
    int b = lead & 0xFF;
    return b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
  }

  private static CompiledRule[] concat(CompiledRule[] a, CompiledRule[] b) {
    CompiledRule[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** Null (dropping the key) once no rule is left under it. */
  private static CompiledRule[] without(CompiledRule[] rules, CompiledRule rule) {
    CompiledRule[] out = Arrays.stream(rules).filter(r -> r != rule).toArray(CompiledRule[]::new);
    return out.length == 0 ? null : out;
  }
}
