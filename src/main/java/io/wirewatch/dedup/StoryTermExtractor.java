package io.wirewatch.dedup;

import io.wirewatch.text.TextNormalizer;
import io.wirewatch.text.WordTokenizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Picks the terms that say which event an article reports: names and words that are rare in the
 * reference corpus but frequent in the article. Independent write-ups of one event share few words
 * but most of these.
 */
final class StoryTermExtractor {

  private static final double NAME_BOOST = 1.5;
  private static final int MINIMUM_TERM_LENGTH = 3;

  private final DocumentFrequencies documentFrequencies;
  private final int termCount;

  StoryTermExtractor(DedupSettings settings) {
    this.documentFrequencies = settings.documentFrequencies();
    this.termCount = settings.storyTerms();
  }

  /**
   * The most distinctive terms, lower case, best first, of a text in {@link
   * TextNormalizer#foldKeepingCase} form.
   */
  List<String> topTerms(String prepared) {
    Map<String, TermCounts> counts = new HashMap<>();
    WordTokenizer.forEachWord(
        prepared,
        (start, end) -> {
          if (end - start < MINIMUM_TERM_LENGTH || hasDigit(prepared, start, end)) {
            return;
          }
          String term = prepared.substring(start, end).toLowerCase(Locale.ROOT);
          TermCounts c = counts.computeIfAbsent(term, t -> new TermCounts());
          c.occurrences++;
          if (isNameMention(prepared, start, end)) {
            c.nameMentions++;
          }
        });
    return best(counts);
  }

  /**
   * The top terms by score, ties by term; a bounded heap, since articles have hundreds of terms.
   */
  private List<String> best(Map<String, TermCounts> counts) {
    Comparator<Map.Entry<String, Double>> worstFirst =
        Map.Entry.<String, Double>comparingByValue()
            .thenComparing(Map.Entry.<String, Double>comparingByKey().reversed());
    PriorityQueue<Map.Entry<String, Double>> top = new PriorityQueue<>(termCount + 1, worstFirst);
    counts.forEach(
        (term, c) -> {
          top.add(Map.entry(term, score(term, c)));
          if (top.size() > termCount) {
            top.poll();
          }
        });
    List<String> terms = new ArrayList<>(top.size());
    while (!top.isEmpty()) {
      terms.add(top.poll().getKey());
    }
    Collections.reverse(terms);
    return terms;
  }

  private double score(String term, TermCounts c) {
    double boost = c.nameMentions > 0 ? NAME_BOOST : 1.0;
    return documentFrequencies.inverseFrequency(term) * (1 + Math.log(c.occurrences)) * boost;
  }

  /** Title case inside a sentence: a name rather than a sentence start or a shouted headline. */
  private static boolean isNameMention(String text, int start, int end) {
    if (!Character.isUpperCase(text.charAt(start))) {
      return false;
    }
    boolean hasLowerCase = false;
    for (int i = start + 1; i < end && !hasLowerCase; i++) {
      hasLowerCase = Character.isLowerCase(text.charAt(i));
    }
    return hasLowerCase && !startsSentence(text, start);
  }

  private static boolean startsSentence(String text, int start) {
    for (int i = start - 1; i >= 0; i--) {
      char c = text.charAt(i);
      if (c == '\n' || c == '.' || c == '!' || c == '?' || c == ':') {
        return true;
      }
      if (!Character.isWhitespace(c) && c != '"' && c != '\'' && c != '(') {
        return false;
      }
    }
    return true;
  }

  private static boolean hasDigit(String text, int start, int end) {
    for (int i = start; i < end; i++) {
      if (Character.isDigit(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static final class TermCounts {
    int occurrences;
    int nameMentions;
  }
}
