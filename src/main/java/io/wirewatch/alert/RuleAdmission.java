package io.wirewatch.alert;

import java.util.Optional;

/**
 * Whether a rule may join a rule book: its query parses within the limits, and its subscriber is
 * under the rule limit. The rule book and the stream that publishes refusals both decide with it,
 * so that they refuse the same rules.
 *
 * @param limits the query language's limits
 * @param maxRulesPerSubscriber how many rules one subscriber may keep
 */
public record RuleAdmission(QueryLimits limits, int maxRulesPerSubscriber) {

  /** The limits of a default rule book. */
  public static final RuleAdmission DEFAULT = new RuleAdmission(QueryLimits.DEFAULT, 1000);

  /**
   * Empty when the rule is acceptable, else why not.
   *
   * @param currentOwner the subscriber of the rule with this id already held, or null
   * @param subscriberRules how many rules the rule's subscriber holds now
   */
  public Optional<String> check(AlertRule rule, String currentOwner, long subscriberRules) {
    try {
      new QueryParser(limits).parse(rule.query());
    } catch (QueryParseException e) {
      return Optional.of(e.getMessage());
    }
    boolean sameOwner = rule.subscriber().equals(currentOwner);
    if (!sameOwner && subscriberRules >= maxRulesPerSubscriber) {
      return Optional.of(
          "subscriber " + rule.subscriber() + " already has " + maxRulesPerSubscriber + " rules");
    }
    return Optional.empty();
  }
}
