package io.wirewatch.kafka.alert;

import io.wirewatch.alert.MatchSpan;
import io.wirewatch.alert.RuleMatch;
import io.wirewatch.alert.Snippets;
import io.wirewatch.avro.AlertMatch;
import io.wirewatch.avro.AlertRecord;
import io.wirewatch.avro.EnrichedArticle;
import io.wirewatch.codec.ArticleMapping;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the alert a rule match makes: matched spans, a highlighted snippet, the article's facts.
 */
final class AlertFactory {

  private AlertFactory() {}

  static AlertRecord alert(EnrichedArticle article, RuleMatch match, Instant now) {
    List<AlertMatch> matches = new ArrayList<>(match.spans().size());
    for (MatchSpan s : match.spans()) {
      matches.add(new AlertMatch(s.field(), s.text(), s.start(), s.end()));
    }
    return AlertRecord.newBuilder()
        .setRuleId(match.rule().id())
        .setSubscriber(match.rule().subscriber())
        .setMode(match.rule().mode().name())
        .setQuery(match.rule().query())
        .setArticleId(article.getId())
        .setStoryId(ArticleMapping.storyId(article))
        .setTitle(article.getTitle())
        .setUrl(article.getUrl())
        .setSource(article.getSource())
        .setPublishedAt(article.getPublishedAt())
        .setEventTime(ArticleMapping.eventTime(article))
        .setMatches(matches)
        .setClauses(new ArrayList<>(match.clauses()))
        .setSnippet(snippet(article, match.spans()))
        .setAlertedAt(now.toString())
        .build();
  }

  /** From the body when the rule matched there, else from the title, else the body's opening. */
  private static String snippet(EnrichedArticle article, List<MatchSpan> spans) {
    List<MatchSpan> inBody = spans.stream().filter(s -> s.field().equals("body")).toList();
    if (!inBody.isEmpty() || article.getTitle() == null) {
      return Snippets.around(article.getBody(), inBody);
    }
    List<MatchSpan> inTitle = spans.stream().filter(s -> s.field().equals("title")).toList();
    return Snippets.around(article.getTitle(), inTitle);
  }
}
