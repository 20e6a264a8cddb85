package io.wirewatch.entity;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Tags only the names of a knowledge base, in one Aho-Corasick pass with the case and overlap rules
 * of {@link KnowledgeBase} and {@link KnownNames}. The production tagger adds recognition of
 * unknown names and coreference on top; this one is the fast path and a baseline.
 */
public final class DictionaryTagger implements EntityTagger {

  private static final Lexicon NO_WORDS =
      new Lexicon(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of());

  private final KnowledgeBase base;

  public DictionaryTagger(List<KnowledgeBaseEntry> entries) {
    this(KnowledgeBase.of(entries));
  }

  public DictionaryTagger(KnowledgeBase base) {
    this.base = Objects.requireNonNull(base, "base can't be null");
  }

  @Override
  public List<TaggedEntity> tag(String text, int titleLength) {
    List<Span> spans = KnownNames.find(base, text, null, NO_WORDS);
    return Entities.group(text, spans, titleLength);
  }
}
