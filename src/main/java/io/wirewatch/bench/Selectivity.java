package io.wirewatch.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How selective a rule set was on a run: matches per article, and how many rules matched what share
 * of the articles.
 *
 * @param perArticle matches per article, sorted ascending (articles without a match included)
 * @param rulesByShare rules that matched no article, at most 0.1%, 1%, 10%, and more than 10% of
 *     the articles
 */
record Selectivity(int[] perArticle, int[] rulesByShare) {

  static final String[] SHARE_BANDS = {"none", "<=0.1%", "<=1%", "<=10%", ">10%"};

  /**
   * @param pairs every match as {@code ruleId@articleId}
   */
  static Selectivity of(Set<String> pairs, int rules, int articles) {
    Map<String, Integer> byRule = new HashMap<>();
    Map<String, Integer> byArticle = new HashMap<>();
    for (String p : pairs) {
      int at = p.lastIndexOf('@');
      byRule.merge(p.substring(0, at), 1, Integer::sum);
      byArticle.merge(p.substring(at + 1), 1, Integer::sum);
    }
    int[] perArticle = new int[articles];
    int i = 0;
    for (int n : byArticle.values()) {
      perArticle[i++] = n;
    }
    Arrays.sort(perArticle);
    int[] bands = new int[SHARE_BANDS.length];
    bands[0] = rules - byRule.size();
    for (int n : byRule.values()) {
      double share = n / (double) articles;
      bands[share <= 0.001 ? 1 : share <= 0.01 ? 2 : share <= 0.1 ? 3 : 4]++;
    }
    return new Selectivity(perArticle, bands);
  }

  double mean() {
    return Arrays.stream(perArticle).average().orElse(0);
  }

  int percentile(double p) {
    return perArticle.length == 0
        ? 0
        : perArticle[Math.min(perArticle.length - 1, (int) (p * perArticle.length))];
  }

  String describe() {
    StringBuilder sb =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "matches per article: mean %.1f, median %d, p90 %d, p99 %d, max %d; "
                    + "articles without a match %d. Rules by share of articles matched:",
                mean(),
                percentile(0.5),
                percentile(0.9),
                percentile(0.99),
                perArticle.length == 0 ? 0 : perArticle[perArticle.length - 1],
                Arrays.stream(perArticle).filter(n -> n == 0).count()));
    for (int b = 0; b < SHARE_BANDS.length; b++) {
      sb.append(' ').append(SHARE_BANDS[b]).append(' ').append(rulesByShare[b]);
    }
    return sb.toString();
  }
}
