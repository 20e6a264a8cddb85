package io.wirewatch.bench;

import io.wirewatch.alert.AlertMode;
import io.wirewatch.alert.AlertRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Rules of a realistic mix, drawn with a seed from the corpus vocabulary: names (some
 * case-sensitive), phrases, NEAR and ONEAR pairs (some with phrase or group operands), prefix
 * wildcards, boolean groups with NOT, fielded rules, and a tail of rare words. Most match rarely;
 * those built on frequent words match often.
 */
public final class RuleGenerator {

  private final Vocabulary v;
  private final Random random;

  private RuleGenerator(Vocabulary v, long seed) {
    this.v = v;
    this.random = new Random(seed);
  }

  public static List<AlertRule> generate(List<String> stories, int count, long seed) {
    RuleGenerator g = new RuleGenerator(new Vocabulary(stories), seed);
    List<AlertRule> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(new AlertRule("r" + i, g.query(), AlertMode.EVERY, "sub" + (i % 500)));
    }
    return out;
  }

  String query() {
    int kind = random.nextInt(100);
    if (kind < 12) {
      return name();
    }
    if (kind < 16) {
      return "cs:" + pick(v.names);
    }
    if (kind < 28) {
      return phrase();
    }
    if (kind < 42) {
      return near();
    }
    if (kind < 47) {
      return prefix();
    }
    if (kind < 62) {
      return booleanGroup();
    }
    if (kind < 66) {
      return fielded();
    }
    if (kind < 90) {
      return entityAndTopic();
    }
    return rare();
  }

  /** The commonest real rule: an organisation or person, about one subject. */
  private String entityAndTopic() {
    String name = random.nextInt(5) == 0 ? "cs:" + pick(v.names) : pick(v.names);
    return switch (random.nextInt(3)) {
      case 0 -> name + " AND (" + word() + " OR " + phrase() + ")";
      case 1 -> name + " NEAR/10 " + word();
      default -> name + " " + phrase();
    };
  }

  private String name() {
    return random.nextInt(4) == 0 ? pick(v.names) + " OR " + pick(v.names) : pick(v.names);
  }

  private String phrase() {
    String[] p = pick(v.phrases);
    return "\"" + p[0] + " " + p[1] + "\"";
  }

  private String near() {
    String[] p = pick(v.nearPairs);
    String op = (random.nextBoolean() ? "NEAR/" : "ONEAR/") + (3 + random.nextInt(8));
    return switch (random.nextInt(4)) {
      case 0 -> phrase() + " " + op + " " + p[1];
      case 1 -> "(" + p[0] + " OR " + word() + ") " + op + " " + p[1];
      default -> p[0] + " " + op + " " + p[1];
    };
  }

  /** A word family, {@code recogni*}: the stem of a longer, less common word. */
  private String prefix() {
    String w = word();
    while (w.length() < 9) {
      w = word();
    }
    String stem = w.substring(0, w.length() - 2 - random.nextInt(2)) + "*";
    return random.nextBoolean() ? stem : stem + " " + word();
  }

  private String booleanGroup() {
    return switch (random.nextInt(4)) {
      case 0 -> "(" + word() + " OR " + pick(v.names) + ") AND " + word();
      case 1 -> word() + " " + word() + " NOT " + pick(v.frequentWords);
      case 2 -> "(" + phrase() + " OR " + word() + ") NOT " + word();
      default -> pick(v.frequentWords) + " AND (" + word() + " OR " + phrase() + ")";
    };
  }

  private String fielded() {
    return switch (random.nextInt(3)) {
      case 0 -> "title:" + word();
      case 1 -> "title:(" + word() + " OR " + word() + ")";
      default -> "source:\"wire.example\" AND " + word();
    };
  }

  private String rare() {
    return random.nextInt(3) == 0
        ? pick(v.rareWords) + " OR " + pick(v.rareWords)
        : pick(v.rareWords);
  }

  /** Mostly words few stories use, sometimes any word: most rules match rarely, a few often. */
  private String word() {
    return random.nextInt(4) == 0 ? pick(v.words) : pick(v.rareWords);
  }

  private <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }
}
