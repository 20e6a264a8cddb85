package io.wirewatch.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * KnownNames.find, which now builds the whole text's word set only for the first ambiguous name,
 * against the code that built it with the token index for any name that needed one.
 */
class KnownNamesTest {

  private static final Lexicon LEXICON =
      new Lexicon(
          Set.of("Maria"),
          Set.of("ring", "amazon", "the", "police"),
          Set.of("Union"),
          Set.of("director"),
          Set.of("President"),
          Set.of("groups"));
  private static final KnowledgeBase BASE =
      KnowledgeBase.of(
          List.of(
              entry("org:amazon", EntityType.ORGANIZATION, "Amazon", List.of(), "police", "aws"),
              entry(
                  "loc:amazon-river",
                  EntityType.LOCATION,
                  "Amazon River",
                  List.of("Amazon"),
                  "rainforest",
                  "brazil",
                  "river"),
              entry("product:ring", EntityType.PRODUCT, "Ring", List.of()),
              entry("org:ibm", EntityType.ORGANIZATION, "IBM", List.of())));
  private static final String[] WORDS = {
    "Amazon",
    "Ring",
    "IBM",
    "rainforest",
    "police",
    "Brazil",
    "river",
    "said",
    "the",
    "sold",
    ".",
    ",",
    "\n",
    "Aws",
    "aws"
  };

  @Test
  void shouldResolveAnAmbiguousNameByWordsFarAwayInTheText() {
    // "rainforest" lies beyond the 40-word window: only the whole text's words can decide
    String text =
        "Rainforest fires burned. "
            + "Smoke rose again today. ".repeat(12)
            + "Boats on the Amazon.";
    List<Span> found = KnownNames.find(BASE, text, null, LEXICON);

    assertEquals(List.of("loc:amazon-river"), found.stream().map(Span::id).toList());
    assertEquals(PreRewrite.find(BASE, text, null, LEXICON), found);
  }

  @Test
  void shouldKeepTheFirstReadingWhenNoWordDecides() {
    String text = "Ring sold cameras. Analysts said that Amazon grew.";
    List<Span> found = KnownNames.find(BASE, text, null, LEXICON);

    // the weak "Ring" at the sentence start is named nowhere else, so it is dropped
    assertEquals(List.of("org:amazon"), found.stream().map(Span::id).toList());
    assertEquals(PreRewrite.find(BASE, text, null, LEXICON), found);
  }

  @Test
  void shouldKeepWeakNamesWithoutAnyAmbiguousName() {
    String text = "Ring sold cameras. Buyers liked Ring and IBM.";
    List<Span> found = KnownNames.find(BASE, text, Tokens.of(text), LEXICON);

    assertEquals(
        List.of("product:ring", "product:ring", "org:ibm"), found.stream().map(Span::id).toList());
    assertEquals(PreRewrite.find(BASE, text, Tokens.of(text), LEXICON), found);
  }

  @Test
  void shouldFindWhatTheOldCodeFoundOnRandomTexts() {
    Random random = new Random(41);
    int ambiguous = 0;
    for (int n = 0; n < 20_000; n++) {
      StringBuilder sb = new StringBuilder();
      int words = random.nextInt(30);
      for (int i = 0; i < words; i++) {
        sb.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(4) == 0 ? "" : " ");
      }
      String text = sb.toString();
      List<Span> found = KnownNames.find(BASE, text, null, LEXICON);
      assertEquals(PreRewrite.find(BASE, text, null, LEXICON), found, text);
      assertEquals(
          PreRewrite.find(BASE, text, Tokens.of(text), LEXICON),
          KnownNames.find(BASE, text, Tokens.of(text), LEXICON),
          text);
      ambiguous += found.stream().anyMatch(s -> s.id().equals("loc:amazon-river")) ? 1 : 0;
    }
    assertTrue(ambiguous > 500, ambiguous + " texts read Amazon as the river");
  }

  private static KnowledgeBaseEntry entry(
      String id, EntityType type, String name, List<String> aliases, String... context) {
    return new KnowledgeBaseEntry(id, type, name, aliases, List.of(context));
  }

  /** KnownNames as it was before the word set was put off (commit c9310df), kept as an oracle. */
  private static final class PreRewrite {

    private static final int WINDOW = 40;

    /**
     * tokens may be null: they are then made only if a hit needs them (the fast dictionary path).
     */
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
}
