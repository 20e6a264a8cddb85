package io.wirewatch.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words rules are made of, taken from the corpus: capitalised names, content words with how
 * many stories use them, adjacent word pairs (phrases) and nearby pairs (for NEAR). Lists hold
 * distinct items, so picking uniformly from them favours rare items, as real rules do.
 */
final class Vocabulary {

  private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z]+");
  private static final Set<String> STOP =
      Set.of(
          "the", "and", "for", "that", "with", "from", "this", "was", "were", "are", "has", "have",
          "had", "not", "but", "its", "his", "her", "they", "their", "which", "will", "would",
          "said", "also", "been", "than", "into", "about", "there", "some", "who", "mln");

  final List<String> names = new ArrayList<>();
  final List<String> words = new ArrayList<>();
  final List<String> rareWords = new ArrayList<>();
  final List<String> frequentWords = new ArrayList<>();
  final List<String[]> phrases = new ArrayList<>();
  final List<String[]> nearPairs = new ArrayList<>();

  Vocabulary(List<String> stories) {
    Map<String, Integer> storiesWith = new HashMap<>();
    Set<String> nameSet = new LinkedHashSet<>();
    Set<String> phraseSet = new LinkedHashSet<>();
    Set<String> nearSet = new LinkedHashSet<>();
    Set<String> inLowerCase = new java.util.HashSet<>();
    Map<String, Integer> namedIn = new HashMap<>();
    for (String story : stories) {
      List<String> tokens = new ArrayList<>();
      Matcher m = WORD.matcher(story);
      while (m.find()) {
        tokens.add(m.group());
      }
      Set<String> seen = new LinkedHashSet<>();
      for (int i = 0; i < tokens.size(); i++) {
        String t = tokens.get(i);
        String lower = t.toLowerCase(Locale.ROOT);
        if (t.equals(lower)) {
          inLowerCase.add(lower);
        }
        if (isName(t) && i > 0) {
          nameSet.add(t);
        }
        if (content(lower)) {
          seen.add(lower);
          if (i + 1 < tokens.size() && content(tokens.get(i + 1).toLowerCase(Locale.ROOT))) {
            phraseSet.add(lower + " " + tokens.get(i + 1).toLowerCase(Locale.ROOT));
          }
          if (i + 4 < tokens.size() && content(tokens.get(i + 4).toLowerCase(Locale.ROOT))) {
            nearSet.add(lower + " " + tokens.get(i + 4).toLowerCase(Locale.ROOT));
          }
        }
      }
      for (String w : seen) {
        storiesWith.merge(w, 1, Integer::sum);
      }
      tokens.stream()
          .filter(Vocabulary::isName)
          .distinct()
          .forEach(n -> namedIn.merge(n, 1, Integer::sum));
    }
    // a capitalised word also seen in lower case is an ordinary word opening a sentence
    nameSet.stream()
        .filter(n -> !inLowerCase.contains(n.toLowerCase(Locale.ROOT)))
        .filter(n -> namedIn.get(n) <= Math.max(2, stories.size() / 100))
        .forEach(names::add);
    storiesWith.keySet().stream().sorted().forEach(words::add);
    for (String w : words) {
      int n = storiesWith.get(w);
      if (n <= 2) {
        rareWords.add(w);
      } else if (n >= stories.size() / 20) {
        frequentWords.add(w);
      }
    }
    phraseSet.forEach(p -> phrases.add(p.split(" ")));
    nearSet.forEach(p -> nearPairs.add(p.split(" ")));
  }

  private static boolean isName(String t) {
    return t.length() >= 4
        && Character.isUpperCase(t.charAt(0))
        && t.chars().skip(1).allMatch(Character::isLowerCase);
  }

  private static boolean content(String lower) {
    return lower.length() >= 3 && !STOP.contains(lower);
  }
}
