package io.wirewatch.entity;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tags the names of a knowledge base in one Aho-Corasick pass. A match counts only on word
 * boundaries and in the case the base spells it, so "IBM" matches but "ibm" in a URL or "ring" the
 * verb does not; where names overlap the longest wins ("Amazon Web Services" over "Amazon").
 */
public final class DictionaryTagger implements EntityTagger {

  private final AhoCorasickDoubleArrayTrie<KnowledgeBaseEntry> trie = new AhoCorasickDoubleArrayTrie<>();

  public DictionaryTagger(List<KnowledgeBaseEntry> entries) {
    TreeMap<String, KnowledgeBaseEntry> byForm = new TreeMap<>();
    for (KnowledgeBaseEntry entry : entries) {
      for (String form : entry.surfaceForms()) {
        byForm.putIfAbsent(form, entry);
      }
    }
    if (byForm.isEmpty()) {
      byForm.put("\u0000", new KnowledgeBaseEntry("none", EntityType.MISC, "\u0000", List.of(), List.of()));
    }
    trie.build(byForm);
  }

  @Override
  public List<TaggedEntity> tag(String text, int titleLength) {
    List<AhoCorasickDoubleArrayTrie.Hit<KnowledgeBaseEntry>> hits = new ArrayList<>();
    trie.parseText(
        text,
        (begin, end, entry) -> {
          if (isWordBoundary(text, begin - 1) && isWordBoundary(text, end)) {
            hits.add(new AhoCorasickDoubleArrayTrie.Hit<>(begin, end, entry));
          }
        });
    return group(text, longestNonOverlapping(hits), titleLength);
  }

  private static List<AhoCorasickDoubleArrayTrie.Hit<KnowledgeBaseEntry>> longestNonOverlapping(
      List<AhoCorasickDoubleArrayTrie.Hit<KnowledgeBaseEntry>> hits) {
    hits.sort(
        Comparator.<AhoCorasickDoubleArrayTrie.Hit<KnowledgeBaseEntry>>comparingInt(h -> h.begin)
            .thenComparing(h -> -(h.end - h.begin)));
    List<AhoCorasickDoubleArrayTrie.Hit<KnowledgeBaseEntry>> kept = new ArrayList<>();
    int coveredUntil = -1;
    for (var hit : hits) {
      if (hit.begin >= coveredUntil) {
        kept.add(hit);
        coveredUntil = hit.end;
      }
    }
    return kept;
  }

  private static List<TaggedEntity> group(
      String text, List<AhoCorasickDoubleArrayTrie.Hit<KnowledgeBaseEntry>> hits, int titleLength) {
    Map<String, List<Mention>> mentions = new LinkedHashMap<>();
    Map<String, KnowledgeBaseEntry> entries = new LinkedHashMap<>();
    for (var hit : hits) {
      entries.putIfAbsent(hit.value.id(), hit.value);
      mentions
          .computeIfAbsent(hit.value.id(), k -> new ArrayList<>())
          .add(new Mention(text.substring(hit.begin, hit.end), hit.begin, hit.end));
    }
    List<TaggedEntity> tagged = new ArrayList<>();
    for (var e : entries.entrySet()) {
      List<Mention> ms = mentions.get(e.getKey());
      KnowledgeBaseEntry entry = e.getValue();
      tagged.add(
          new TaggedEntity(entry.id(), entry.name(), entry.type(), Salience.of(ms, titleLength), ms));
    }
    return tagged;
  }

  static boolean isWordBoundary(String text, int index) {
    return index < 0 || index >= text.length() || !Character.isLetterOrDigit(text.charAt(index));
  }
}
