package io.wirewatch.bench;

import io.wirewatch.entity.KnowledgeBaseEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What rules are made of, taken from the corpus and the knowledge base: content words sorted into
 * document-frequency bands, adjacent and nearby word pairs (phrases, NEAR operands) with their own
 * frequency, capitalised names, and knowledge-base entities, split into those the corpus mentions
 * and those it does not. Every list holds distinct items in a fixed order, so a seeded draw is
 * reproducible.
 */
final class Vocabulary {

  /**
   * How many of the corpus's stories contain an item, as bands of that share. A 4 KB benchmark
   * article joins about six Reuters stories, so an item's share of articles is up to six times its
   * share of stories.
   */
  enum Band {
    /** In at most 0.13% of stories (two of Reuters' 1,549): jargon, product names, rare places. */
    RARE,
    /** Up to 0.5% of stories, about 3% of articles. */
    UNCOMMON,
    /** Up to 2% of stories, about 12% of articles. */
    COMMON,
    /** Up to 30% of stories: the broad words of the feed (wheat, export, tonnes). */
    BROAD;

    static Band of(int stories, int total) {
      double share = stories / (double) total;
      return share <= 0.0013 ? RARE : share <= 0.005 ? UNCOMMON : share <= 0.02 ? COMMON : BROAD;
    }
  }

  /** Words in more stories than this share are function words or the wire's own signature. */
  private static final double TOO_FREQUENT = 0.30;

  private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z]+");
  private static final Pattern NAME_TOKEN = Pattern.compile("[\\p{L}\\p{N}&]+");
  private static final Set<String> STOP =
      Set.of(
          "the", "and", "for", "that", "with", "from", "this", "was", "were", "are", "has", "have",
          "had", "not", "but", "its", "his", "her", "they", "their", "which", "will", "would",
          "said", "also", "been", "than", "into", "about", "there", "some", "who", "mln", "near",
          "onear", "title", "body", "source", "lang", "entity", "did", "can", "out", "off", "all",
          "may", "one", "two", "any", "our", "per", "now", "new", "more", "other", "such", "only",
          "very", "over", "after", "before", "between", "under", "made", "make", "set", "told",
          "could", "should", "these", "those", "then", "them", "when", "where", "while", "what",
          "how", "most", "much", "many", "each", "both", "being", "does", "just", "still", "well",
          "you", "she", "him", "because", "since", "during", "against", "through", "last", "next",
          "year", "years", "week", "month", "reuter", "reuters", "dlrs", "cts", "pct");

  final Map<Band, List<String>> words = new LinkedHashMap<>();
  final Map<Band, List<String[]>> phrases = new LinkedHashMap<>();
  final Map<Band, List<String[]>> nearPairs = new LinkedHashMap<>();

  /**
   * Words of a general English word list that this corpus never uses: the subjects of subscribers
   * who follow other beats than grain and commodities.
   */
  final List<String> offBeat = new ArrayList<>();

  /** Capitalised words never seen in lower case, in few stories: surnames, firms, places. */
  final List<String> names = new ArrayList<>();

  /**
   * A knowledge-base entity and the names a rule may call it by: its surface forms, less those that
   * are ordinary words (a one-word name the corpus also writes in lower case, such as "Five").
   */
  record Named(String id, List<String> forms) {}

  /** Knowledge-base entities the corpus mentions by name, and those it never does. */
  final List<Named> entitiesInCorpus = new ArrayList<>();

  final List<Named> entitiesElsewhere = new ArrayList<>();

  private final Map<String, Integer> wordStories = new HashMap<>();
  private int total;

  Vocabulary(
      List<String> stories,
      Collection<KnowledgeBaseEntry> knowledgeBase,
      Collection<String> englishWords) {
    for (Band b : Band.values()) {
      words.put(b, new ArrayList<>());
      phrases.put(b, new ArrayList<>());
      nearPairs.put(b, new ArrayList<>());
    }
    Map<String, Integer> phraseStories = new LinkedHashMap<>();
    Map<String, Integer> nearStories = new LinkedHashMap<>();
    Set<String> inLowerCase = new HashSet<>();
    Map<String, Integer> namedIn = new LinkedHashMap<>();
    Set<String> nameGrams = new HashSet<>();
    for (String story : stories) {
      List<String> tokens = tokens(WORD, story);
      Set<String> seenWords = new HashSet<>();
      Set<String> seenPhrases = new HashSet<>();
      Set<String> seenNear = new HashSet<>();
      Set<String> seenNames = new HashSet<>();
      for (int i = 0; i < tokens.size(); i++) {
        String t = tokens.get(i);
        String lower = t.toLowerCase(Locale.ROOT);
        if (t.equals(lower)) {
          inLowerCase.add(lower);
        }
        if (isName(t) && i > 0) {
          seenNames.add(t);
        }
        seenWords.add(lower);
        if (!content(lower)) {
          continue;
        }
        String next = i + 1 < tokens.size() ? tokens.get(i + 1).toLowerCase(Locale.ROOT) : "";
        if (content(next)) {
          seenPhrases.add(lower + " " + next);
        }
        String further = i + 4 < tokens.size() ? tokens.get(i + 4).toLowerCase(Locale.ROOT) : "";
        if (content(further)) {
          seenNear.add(lower + " " + further);
        }
      }
      // every word counts towards the width of a word family, even those no rule is made of
      seenWords.forEach(w -> wordStories.merge(w, 1, Integer::sum));
      seenPhrases.forEach(p -> phraseStories.merge(p, 1, Integer::sum));
      seenNear.forEach(p -> nearStories.merge(p, 1, Integer::sum));
      seenNames.forEach(n -> namedIn.merge(n, 1, Integer::sum));
      nameGrams.addAll(nameGrams(story));
    }
    total = stories.size();
    wordStories.entrySet().stream()
        .filter(e -> content(e.getKey()) && e.getValue() <= TOO_FREQUENT * total)
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> words.get(Band.of(e.getValue(), total)).add(e.getKey()));
    byBand(phraseStories, phrases);
    // NEAR operands that are themselves broad words make a beat, not a proximity rule
    nearStories.keySet().removeIf(p -> Arrays.stream(p.split(" ")).anyMatch(this::broad));
    byBand(nearStories, nearPairs);
    // a capitalised word also seen in lower case is an ordinary word opening a sentence
    namedIn.entrySet().stream()
        .filter(e -> !inLowerCase.contains(e.getKey().toLowerCase(Locale.ROOT)))
        .filter(e -> e.getValue() <= Math.max(2, total / 100))
        .map(Map.Entry::getKey)
        .sorted()
        .forEach(names::add);
    englishWords.stream()
        .filter(w -> content(w) && w.length() >= 4 && !wordStories.containsKey(w))
        .distinct()
        .sorted()
        .forEach(offBeat::add);
    for (KnowledgeBaseEntry e : knowledgeBase) {
      List<String> forms =
          e.surfaceForms().stream()
              .filter(Vocabulary::usable)
              .map(Vocabulary::gram)
              .filter(f -> f.contains(" ") || !inLowerCase.contains(f.toLowerCase(Locale.ROOT)))
              .filter(f -> f.length() >= 3)
              .distinct()
              .toList();
      if (!forms.isEmpty()) {
        boolean mentioned = forms.stream().anyMatch(nameGrams::contains);
        (mentioned ? entitiesInCorpus : entitiesElsewhere).add(new Named(e.id(), forms));
      }
    }
  }

  /** Word pairs by how many stories hold them. */
  private void byBand(Map<String, Integer> pairStories, Map<Band, List<String[]>> out) {
    pairStories.entrySet().stream()
        .filter(e -> e.getValue() <= TOO_FREQUENT * total)
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> out.get(Band.of(e.getValue(), total)).add(e.getKey().split(" ")));
  }

  private boolean broad(String word) {
    return Band.of(wordStories.getOrDefault(word, 0), total) == Band.BROAD;
  }

  /** The share of the corpus's stories that contain a word. */
  double share(String word) {
    return wordStories.getOrDefault(word, 0) / (double) total;
  }

  /** At most the share of stories with some word starting with {@code prefix}. */
  double prefixShare(String prefix) {
    int n = 0;
    for (var e : wordStories.entrySet()) {
      if (e.getKey().startsWith(prefix)) {
        n += e.getValue();
      }
    }
    return n / (double) total;
  }

  List<String> words(Band band) {
    return words.get(band);
  }

  List<String[]> phrases(Band band) {
    return phrases.get(band);
  }

  List<String[]> nearPairs(Band band) {
    return nearPairs.get(band);
  }

  private static List<String> tokens(Pattern p, String text) {
    List<String> out = new ArrayList<>();
    Matcher m = p.matcher(text);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  /** Runs of one to four capitalised tokens, as a knowledge-base name would be written. */
  private static Set<String> nameGrams(String story) {
    List<String> t = tokens(NAME_TOKEN, story);
    Set<String> out = new HashSet<>();
    for (int i = 0; i < t.size(); i++) {
      StringBuilder g = new StringBuilder();
      for (int n = 0; n < 4 && i + n < t.size(); n++) {
        String w = t.get(i + n);
        if (!Character.isUpperCase(w.charAt(0)) && !Character.isDigit(w.charAt(0))) {
          break;
        }
        g.append(n == 0 ? "" : " ").append(w);
        out.add(g.toString());
      }
    }
    return out;
  }

  static String gram(String name) {
    return String.join(" ", tokens(NAME_TOKEN, name));
  }

  /** A name a subscriber could type: letters, spaces and common punctuation, no quote. */
  static boolean usable(String name) {
    return name.length() >= 3
        && name.length() <= 60
        && name.chars().noneMatch(c -> c == '"' || c == '\\' || c == '*' || c == '(' || c == ')')
        && !tokens(NAME_TOKEN, name).isEmpty();
  }

  private static boolean isName(String t) {
    return t.length() >= 4
        && Character.isUpperCase(t.charAt(0))
        && t.chars().skip(1).allMatch(Character::isLowerCase);
  }

  private static boolean content(String lower) {
    return lower.length() >= 3 && !STOP.contains(lower);
  }

  /** Counts per band, for the benchmark's description of its workload. */
  Map<Band, Integer> wordCounts() {
    Map<Band, Integer> out = new HashMap<>();
    words.forEach((b, l) -> out.put(b, l.size()));
    return out;
  }
}
