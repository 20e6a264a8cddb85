package io.wirewatch.alert;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Guesses how likely an article is to contain a word, so that each rule is filed under its rarest
 * required word. The guess only decides how many rules are tried per article, never whether one
 * matches, so a bad guess costs speed and nothing else.
 *
 * <p>Without statistics from a corpus, it leans on a short list of very frequent English and
 * newswire words and on word length (long words are rarer).
 */
final class TermRarity {

  private static final Set<String> FREQUENT =
      Set.copyOf(
          List.of(
              "the",
              "of",
              "and",
              "to",
              "a",
              "in",
              "for",
              "is",
              "on",
              "that",
              "by",
              "this",
              "with",
              "i",
              "you",
              "it",
              "not",
              "or",
              "be",
              "are",
              "from",
              "at",
              "as",
              "your",
              "all",
              "have",
              "new",
              "more",
              "an",
              "was",
              "we",
              "will",
              "can",
              "us",
              "about",
              "if",
              "my",
              "has",
              "but",
              "our",
              "one",
              "other",
              "do",
              "no",
              "they",
              "he",
              "up",
              "may",
              "what",
              "which",
              "their",
              "out",
              "use",
              "any",
              "there",
              "see",
              "only",
              "so",
              "his",
              "when",
              "here",
              "who",
              "also",
              "now",
              "get",
              "first",
              "been",
              "would",
              "how",
              "were",
              "me",
              "some",
              "these",
              "its",
              "like",
              "than",
              "had",
              "should",
              "her",
              "into",
              "two",
              "time",
              "very",
              "said",
              "says",
              "year",
              "years",
              "last",
              "week",
              "after",
              "over",
              "could",
              "before",
              "because",
              "while",
              "since",
              "told",
              "three",
              "most",
              "people",
              "government",
              "percent",
              "million",
              "mln",
              "pct",
              "billion",
              "per",
              "against",
              "between",
              "under",
              "during",
              "official",
              "officials",
              "state",
              "market",
              "company",
              "president",
              "today",
              "monday",
              "tuesday",
              "wednesday",
              "thursday",
              "friday",
              "saturday",
              "sunday",
              "news",
              "report",
              "reported",
              "according",
              "expected",
              "next",
              "month",
              "months",
              "total",
              "made",
              "make",
              "still",
              "such",
              "them",
              "then",
              "those",
              "through",
              "where",
              "well",
              "being",
              "both",
              "each",
              "many",
              "much",
              "she",
              "him",
              "them",
              "back",
              "did",
              "does",
              "just",
              "down",
              "off",
              "own",
              "same",
              "say",
              "price",
              "prices",
              "trade",
              "world",
              "country",
              "national",
              "international",
              "added"));

  private TermRarity() {}

  /** Below this many sampled articles, statistics are too thin and the word list decides. */
  static final int MIN_SAMPLE = 100;

  /**
   * Roughly the share of articles whose {@code field} contains {@code term}, in (0, 1]; from the
   * articles seen so far when there are enough of them.
   */
  static double frequency(String field, String term, TermStatistics seen) {
    switch (field) {
      case LuceneFields.LANG:
        return 0.9;
      case LuceneFields.SOURCE:
        return 0.2;
      case LuceneFields.ENTITY:
        return 0.05;
      default:
        break;
    }
    String folded = term.toLowerCase(Locale.ROOT);
    double inBody;
    if (seen != null && seen.articles() >= MIN_SAMPLE) {
      inBody = seen.share(folded);
    } else if (FREQUENT.contains(folded)) {
      inBody = 0.8;
    } else if (folded.chars().anyMatch(Character::isDigit)) {
      inBody = 0.2;
    } else {
      int n = folded.codePointCount(0, folded.length());
      inBody = n <= 2 ? 0.5 : Math.min(0.3, 0.3 / (n - 2));
    }
    boolean title = field.equals(LuceneFields.TITLE) || field.equals(LuceneFields.TITLE_CS);
    return title ? inBody / 5 : inBody;
  }

  /** Every word starting with a prefix: shorter prefixes cover more words. */
  static double prefixFrequency(String prefix) {
    int n = prefix.codePointCount(0, prefix.length());
    return n <= 3 ? 0.6 : n == 4 ? 0.3 : n == 5 ? 0.15 : n == 6 ? 0.08 : 0.04;
  }
}
