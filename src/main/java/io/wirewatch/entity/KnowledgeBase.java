package io.wirewatch.entity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An immutable snapshot of known entities with one index over all their names, looked up in a
 * lower-cased copy of the text so that one pass finds every spelling; the case rule is then checked
 * on the original text. A later entry with the same id replaces an earlier one.
 */
public final class KnowledgeBase {

  /** One name of one entry, as the base spells it. */
  record Surface(String form, KnowledgeBaseEntry entry) {}

  /** A name found in a text, with every entry that goes by it, most likely first. */
  record Hit(int start, int end, List<KnowledgeBaseEntry> candidates) {}

  private final Map<String, KnowledgeBaseEntry> byId;
  private final NameIndex<List<Surface>> names;

  private KnowledgeBase(Map<String, KnowledgeBaseEntry> byId) {
    this.byId = byId;
    TreeMap<String, List<Surface>> byKey = new TreeMap<>();
    for (KnowledgeBaseEntry entry : byId.values()) {
      for (String form : entry.surfaceForms()) {
        byKey.computeIfAbsent(lower(form), k -> new ArrayList<>()).add(new Surface(form, entry));
      }
    }
    names = new NameIndex<>(byKey);
  }

  public static KnowledgeBase of(Collection<KnowledgeBaseEntry> entries) {
    Map<String, KnowledgeBaseEntry> byId = new LinkedHashMap<>();
    entries.forEach(e -> byId.put(e.id(), e));
    return new KnowledgeBase(byId);
  }

  /** A new snapshot with these entries added or replaced; this one is unchanged. */
  public KnowledgeBase with(Collection<KnowledgeBaseEntry> entries) {
    Map<String, KnowledgeBaseEntry> byId = new LinkedHashMap<>(this.byId);
    entries.forEach(e -> byId.put(e.id(), e));
    return new KnowledgeBase(byId);
  }

  /** Every entry, in the order added. */
  public Collection<KnowledgeBaseEntry> entries() {
    return java.util.Collections.unmodifiableCollection(byId.values());
  }

  public int size() {
    return byId.size();
  }

  boolean contains(String id) {
    return byId.containsKey(id);
  }

  /**
   * Every name on word boundaries whose spelling passes the case rule; overlapping hits included.
   */
  List<Hit> find(String text) {
    List<NameIndex.Found<List<Surface>>> found = names.find(text);
    // the order an Aho-Corasick pass gave (by end, then the key backwards), kept for the callers
    found.sort(
        Comparator.<NameIndex.Found<List<Surface>>>comparingInt(NameIndex.Found::end)
            .thenComparing(NameIndex.Found::key, Comparator.reverseOrder()));
    List<Hit> hits = new ArrayList<>(found.size());
    for (NameIndex.Found<List<Surface>> f : found) {
      List<KnowledgeBaseEntry> candidates =
          spelledAs(text.substring(f.start(), f.end()), f.value());
      if (!candidates.isEmpty()) {
        hits.add(new Hit(f.start(), f.end(), candidates));
      }
    }
    return hits;
  }

  private static List<KnowledgeBaseEntry> spelledAs(String written, List<Surface> surfaces) {
    List<KnowledgeBaseEntry> candidates = new ArrayList<>(1);
    for (Surface s : surfaces) {
      if (CaseRule.accepts(s.form(), written) && !candidates.contains(s.entry())) {
        candidates.add(s.entry());
      }
    }
    return candidates;
  }

  // Character by character so offsets into the lowered copy equal offsets into the text.
  static String lower(String s) {
    char[] chars = new char[s.length()];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = lower(s.charAt(i));
    }
    return new String(chars);
  }

  static char lower(char c) {
    if (c < 128) {
      return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
    return c == '’' ? '\'' : Character.toLowerCase(c);
  }

  static boolean isBoundary(String text, int index) {
    if (index < 0 || index >= text.length()) {
      return true;
    }
    return !isWordChar(text.charAt(index));
  }

  static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '@';
  }
}
