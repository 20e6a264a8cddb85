package io.wirewatch.alert;

import java.util.List;

/** One rule that matched one article, with the spans that made it match. */
public record RuleMatch(AlertRule rule, List<MatchSpan> spans) {
  public RuleMatch {
    spans = List.copyOf(spans);
  }
}
