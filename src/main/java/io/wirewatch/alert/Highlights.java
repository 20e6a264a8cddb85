package io.wirewatch.alert;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;

/**
 * Turns Lucene's {@link Matches} for one rule into spans of article text, the way Lucene Monitor's
 * HighlightsMatch does: the words of a phrase or proximity match, not the whole stretch.
 */
final class Highlights {

  private Highlights() {}

  static List<MatchSpan> spans(MatchableArticle article, Matches matches) throws IOException {
    Set<MatchSpan> spans = new LinkedHashSet<>();
    for (String luceneField : matches) {
      MatchesIterator mi = matches.getMatches(luceneField);
      if (mi == null) {
        continue;
      }
      String field = LuceneFields.reportedName(luceneField);
      while (mi.next()) {
        MatchesIterator sub = mi.getSubMatches();
        if (sub == null) {
          spans.add(span(article, field, mi.startOffset(), mi.endOffset()));
        } else {
          while (sub.next()) {
            spans.add(span(article, field, sub.startOffset(), sub.endOffset()));
          }
        }
      }
    }
    List<MatchSpan> out = new ArrayList<>(spans);
    out.sort(Comparator.comparing(MatchSpan::field).reversed().thenComparingInt(MatchSpan::start));
    return out;
  }

  private static MatchSpan span(MatchableArticle article, String field, int start, int end) {
    boolean hasText = field.equals(LuceneFields.TITLE) || field.equals(LuceneFields.BODY);
    String text = field.equals(LuceneFields.TITLE) ? article.title() : article.body();
    if (hasText && start >= 0 && end <= text.length() && start <= end) {
      return new MatchSpan(field, text.substring(start, end), start, end);
    }
    // keyword fields (source, lang, entity) have no text of their own to point into
    return new MatchSpan(field, "", Math.max(0, start), Math.max(0, end));
  }
}
