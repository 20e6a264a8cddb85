package io.wirewatch.entity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The production tagger: knowledge-base names, then names a statistical {@link NameFinder} (when
 * one is plugged in) and the rule-based recogniser find in what is left, then one entity per
 * referent. The base can grow at run time ({@link #add}); a tag call sees one consistent snapshot.
 * Additions go to a small overlay that is rebuilt on each add, so one new entry costs a rebuild of
 * the overlay, not of the whole base; {@link #compact} folds it in.
 */
public final class NewsEntityTagger implements EntityTagger {

  private record Snapshot(KnowledgeBase base, KnowledgeBase overlay) {}

  private final Lexicon lexicon;
  private final NameRecognizer recognizer;
  private final Optional<ModelNames> modelNames;
  private final MentionLinker linker;
  private volatile Snapshot snapshot;

  public NewsEntityTagger(KnowledgeBase base, Lexicon lexicon) {
    this(base, lexicon, Optional.empty());
  }

  /** With a statistical name finder for names in no list, when one is given. */
  public NewsEntityTagger(KnowledgeBase base, Lexicon lexicon, Optional<NameFinder> finder) {
    this.modelNames = finder.map(ModelNames::new);
    this.lexicon = Objects.requireNonNull(lexicon, "lexicon can't be null");
    this.snapshot =
        new Snapshot(
            Objects.requireNonNull(base, "base can't be null"), KnowledgeBase.of(List.of()));
    this.recognizer = new NameRecognizer(lexicon);
    this.linker = new MentionLinker(lexicon);
  }

  /** Adds or replaces (same id) an entry; tag calls already running keep the old snapshot. */
  public void add(KnowledgeBaseEntry entry) {
    addAll(List.of(Objects.requireNonNull(entry, "entry can't be null")));
  }

  public synchronized void addAll(Collection<KnowledgeBaseEntry> entries) {
    Snapshot s = snapshot;
    snapshot = new Snapshot(s.base(), s.overlay().with(entries));
  }

  /** Folds the overlay into the base; worth it after many additions. */
  public synchronized void compact() {
    Snapshot s = snapshot;
    snapshot = new Snapshot(s.base().with(s.overlay().entries()), KnowledgeBase.of(List.of()));
  }

  public int size() {
    Snapshot s = snapshot;
    return s.base().size() + s.overlay().size();
  }

  @Override
  public List<TaggedEntity> tag(String text, int titleLength) {
    Objects.requireNonNull(text, "text can't be null");
    Snapshot s = snapshot;
    List<Token> tokens = Tokens.of(text);
    List<Span> known = knownNames(s, text, tokens);
    List<Span> candidates = new ArrayList<>(known);
    modelNames.ifPresent(m -> candidates.addAll(m.find(text, titleLength, tokens, known)));
    List<Chunks.Chunk> chunks = Chunks.simple(text, tokens); // the recogniser's and the linker's
    candidates.addAll(recognizer.recognize(text, tokens, chunks, known));
    List<Span> linked = linker.link(text, tokens, chunks, Entities.resolve(candidates));
    return Entities.group(text, linked, titleLength);
  }

  // An overlay entry shadows the base entry with its id, including names it no longer has.
  private List<Span> knownNames(Snapshot s, String text, List<Token> tokens) {
    List<Span> added = KnownNames.find(s.overlay(), text, tokens, lexicon);
    List<Span> spans = new ArrayList<>(added);
    for (Span span : KnownNames.find(s.base(), text, tokens, lexicon)) {
      if (!s.overlay().contains(span.id())) {
        spans.add(span);
      }
    }
    return added.isEmpty() ? spans : Entities.resolve(spans);
  }
}
