package io.wirewatch.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class NameIndexTest {

  private static final String[] NAMES = {
    "US",
    "us",
    "U.S.",
    "New York",
    "New York Times",
    "York",
    "The New York Times",
    "O'Neil",
    "O’Brien",
    "AT&T",
    "Yahoo!",
    ".NET",
    "'s Hertogenbosch",
    "Marks & Spencer",
    "Bonus",
    "EU",
    "eu-",
    "-ish",
    "Rolls-Royce",
    "Royce",
    "Rolls",
    "@jack",
    "john_doe",
    "C++",
    "C",
    "3M",
    "Æon",
    "İstanbul",
    "Straße",
    "Σ Group",
    "ab",
    "abc",
    "bc",
    "a b",
    "b c",
    "a b c",
    "x",
    "xx",
    "x x"
  };

  private static final String[] NOISE = {
    " ",
    " ",
    " ",
    ", ",
    ". ",
    "-",
    "'",
    "’",
    "(",
    ")",
    "bonus",
    "us",
    "the",
    "new",
    "yorkshire",
    "s",
    "a",
    "b",
    "@",
    "_",
    "!",
    "&",
    "\n",
    "9",
    "é",
    "ISTANBUL",
    "STRASSE",
    "σ"
  };

  @Test
  void shouldFindExactlyWhatTheAutomatonFoundOnWordBoundaries() {
    Random random = new Random(11);
    List<KnowledgeBaseEntry> entries = new ArrayList<>();
    for (int i = 0; i < NAMES.length; i++) {
      String alias = NAMES[random.nextInt(NAMES.length)];
      entries.add(
          new KnowledgeBaseEntry(
              "e" + i, EntityType.ORGANIZATION, NAMES[i], List.of(alias), List.of()));
    }
    entries.add(
        new KnowledgeBaseEntry("dup", EntityType.PERSON, "new york", List.of("US"), List.of()));
    KnowledgeBase base = KnowledgeBase.of(entries);
    Reference reference = new Reference(base);
    int hits = 0;
    int sameEnd = 0;
    for (int t = 0; t < 10_000; t++) {
      String text = randomText(random);
      List<KnowledgeBase.Hit> expected = reference.find(text);
      assertEquals(expected, base.find(text), text);
      hits += expected.size();
      for (int i = 1; i < expected.size(); i++) {
        sameEnd += expected.get(i).end() == expected.get(i - 1).end() ? 1 : 0;
      }
    }
    // the order of names ending together is the automaton's too
    assertTrue(hits > 5_000 && sameEnd > 500, hits + " hits, " + sameEnd + " ending together");
  }

  @Test
  void shouldCutFirstWordsAlikeInTextAndLowerCasedName() {
    for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
      String s = String.valueOf((char) c);
      char folded = c == '’' ? '\'' : Character.toLowerCase((char) c);
      assertEquals(folded, KnowledgeBase.lower((char) c), Integer.toHexString(c));
      assertEquals(
          KnowledgeBase.isBoundary(s, 0),
          KnowledgeBase.isBoundary(KnowledgeBase.lower(s), 0),
          Integer.toHexString(c));
    }
  }

  @Test
  void shouldFindNothingInAnEmptyBase() {
    assertTrue(KnowledgeBase.of(List.of()).find("New York").isEmpty());
  }

  @Test
  void shouldKeepNamesInsideWordsOut() {
    KnowledgeBase base =
        KnowledgeBase.of(
            List.of(new KnowledgeBaseEntry("us", EntityType.LOCATION, "US", List.of(), List.of())));
    assertEquals(
        List.of(12, 22),
        base.find("a bonus for US staff, US-made").stream().map(KnowledgeBase.Hit::start).toList());
  }

  private static String randomText(Random random) {
    StringBuilder text = new StringBuilder();
    int parts = 1 + random.nextInt(12);
    for (int p = 0; p < parts; p++) {
      String part =
          random.nextBoolean()
              ? NAMES[random.nextInt(NAMES.length)]
              : NOISE[random.nextInt(NOISE.length)];
      switch (random.nextInt(4)) {
        case 0 -> part = part.toUpperCase(java.util.Locale.ROOT);
        case 1 -> part = part.toLowerCase(java.util.Locale.ROOT);
        default -> {}
      }
      text.append(part);
    }
    return text.toString();
  }

  /** The lookup as it was: an Aho-Corasick automaton over the whole lower-cased text. */
  private static final class Reference {
    private final AhoCorasickDoubleArrayTrie<List<KnowledgeBase.Surface>> trie =
        new AhoCorasickDoubleArrayTrie<>();

    Reference(KnowledgeBase base) {
      TreeMap<String, List<KnowledgeBase.Surface>> byKey = new TreeMap<>();
      for (KnowledgeBaseEntry entry : base.entries()) {
        for (String form : entry.surfaceForms()) {
          byKey
              .computeIfAbsent(KnowledgeBase.lower(form), k -> new ArrayList<>())
              .add(new KnowledgeBase.Surface(form, entry));
        }
      }
      trie.build(byKey);
    }

    List<KnowledgeBase.Hit> find(String text) {
      List<KnowledgeBase.Hit> hits = new ArrayList<>();
      trie.parseText(
          KnowledgeBase.lower(text),
          (begin, end, surfaces) -> {
            if (KnowledgeBase.isBoundary(text, begin - 1) && KnowledgeBase.isBoundary(text, end)) {
              List<KnowledgeBaseEntry> candidates = new ArrayList<>(1);
              for (KnowledgeBase.Surface s : surfaces) {
                if (CaseRule.accepts(s.form(), text.substring(begin, end))
                    && !candidates.contains(s.entry())) {
                  candidates.add(s.entry());
                }
              }
              if (!candidates.isEmpty()) {
                hits.add(new KnowledgeBase.Hit(begin, end, candidates));
              }
            }
          });
      return hits;
    }
  }
}
