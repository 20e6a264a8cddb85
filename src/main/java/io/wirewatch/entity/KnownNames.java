package io.wirewatch.entity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns knowledge-base hits into mentions: the longest name wins where names overlap, an ambiguous
 * name takes the reading whose context words surround it ("Amazon" near "rainforest" is the river),
 * and a one-word name that is also a common word counts at a sentence start or in a headline only
 * when the same entity is named elsewhere in the text.
 */
final class KnownNames {

  private static final int WINDOW = 40;

  private KnownNames() {}

  /** tokens may be null: they are then made only if a hit needs them (the fast dictionary path). */
  static List<Span> find(KnowledgeBase base, String text, List<Token> tokens, Lexicon lexicon) {
    List<KnowledgeBase.Hit> hits = longestFirst(base.find(text));
    List<Token> words = tokens;
    TokenIndex index = null;
    Set<String> docWords = null;
    List<Span> strong = new ArrayList<>();
    List<Span> weak = new ArrayList<>();
    for (KnowledgeBase.Hit hit : hits) {
      String written = text.substring(hit.start(), hit.end());
      boolean maybeWeak = written.indexOf(' ') < 0 && lexicon.isCommonWord(written);
      if (index == null && (maybeWeak || hit.candidates().size() > 1)) {
        words = words == null ? Tokens.of(text) : words;
        index = new TokenIndex(words);
      }
      // the whole text's words only weigh between readings: built for the first ambiguous name
      if (docWords == null && hit.candidates().size() > 1) {
        docWords = index.words(0, words.size());
      }
      int at = index == null ? -1 : index.at(hit.start());
      KnowledgeBaseEntry entry = choose(hit.candidates(), index, at, docWords);
      Span span = new Span(hit.start(), hit.end(), entry.id(), entry.name(), entry.type(), true);
      boolean isWeak = maybeWeak && at >= 0 && words.get(at).weak();
      (isWeak ? weak : strong).add(span);
    }
    Set<String> confirmed = new HashSet<>();
    strong.forEach(s -> confirmed.add(s.id()));
    weak.stream().filter(s -> confirmed.contains(s.id())).forEach(strong::add);
    strong.sort(Comparator.comparingInt(Span::start));
    return strong;
  }

  private static List<KnowledgeBase.Hit> longestFirst(List<KnowledgeBase.Hit> hits) {
    hits.sort(
        Comparator.comparingInt(KnowledgeBase.Hit::start)
            .thenComparing(h -> -(h.end() - h.start())));
    List<KnowledgeBase.Hit> kept = new ArrayList<>();
    int coveredUntil = -1;
    for (KnowledgeBase.Hit hit : hits) {
      if (hit.start() >= coveredUntil) {
        kept.add(hit);
        coveredUntil = hit.end();
      } else if (hit.end() > coveredUntil && !kept.isEmpty()) {
        KnowledgeBase.Hit last = kept.get(kept.size() - 1);
        if (hit.end() - hit.start() > last.end() - last.start()) {
          kept.set(kept.size() - 1, hit);
          coveredUntil = hit.end();
        }
      }
    }
    return kept;
  }

  // Nearby context words count twice as much as ones elsewhere in the text; ties keep base order.
  private static KnowledgeBaseEntry choose(
      List<KnowledgeBaseEntry> candidates, TokenIndex index, int at, Set<String> docWords) {
    if (candidates.size() == 1) {
      return candidates.get(0);
    }
    Set<String> near = at < 0 ? Set.of() : index.words(at - WINDOW, at + WINDOW);
    KnowledgeBaseEntry best = candidates.get(0);
    int bestScore = -1;
    for (KnowledgeBaseEntry candidate : candidates) {
      int score = 0;
      for (String word : candidate.contextWords()) {
        String w = word.toLowerCase(Locale.ROOT);
        score += (near.contains(w) ? 2 : 0) + (docWords.contains(w) ? 1 : 0);
      }
      if (score > bestScore) {
        best = candidate;
        bestScore = score;
      }
    }
    return best;
  }
}
