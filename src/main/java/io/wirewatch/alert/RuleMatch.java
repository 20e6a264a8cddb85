package io.wirewatch.alert;

import java.util.List;

/**
 * One rule that matched one article, with the spans that made it match.
 *
 * @param clauses the top-level clauses of the rule's query that matched, as query text: the
 *     branches of a top-level OR that matched, every positive clause of a top-level AND, else the
 *     whole query
 */
public record RuleMatch(AlertRule rule, List<MatchSpan> spans, List<String> clauses) {
  public RuleMatch {
    spans = List.copyOf(spans);
    clauses = List.copyOf(clauses);
  }

  /** A match without clause information, as before clauses were reported. */
  public RuleMatch(AlertRule rule, List<MatchSpan> spans) {
    this(rule, spans, List.of());
  }
}
