package io.wirewatch.bench;

import io.wirewatch.alert.AlertMode;
import io.wirewatch.alert.AlertRule;
import io.wirewatch.bench.Vocabulary.Band;
import io.wirewatch.config.Home;
import io.wirewatch.entity.EntityTaggers;
import io.wirewatch.entity.KnowledgeBaseEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;

/**
 * Standing rules shaped like a media-monitoring customer base, drawn with a seed.
 *
 * <p>Most monitoring queries watch a name: a company, brand, person or place, often narrowed by a
 * topic or an exclusion. The rest follow a topic with phrases, proximity and word families, and a
 * few are broad beats. So: about half the rules name a knowledge-base entity (by name, phrase,
 * {@code cs:} or {@code entity:}), mostly entities this wire never mentions, as most of a real
 * customer base's names are absent from any one article; topical words are drawn by their
 * document-frequency band in the corpus, mostly rare and uncommon ones, with a small share of broad
 * ones. {@link Kind} lists the mix.
 */
public final class RuleGenerator {

  /** The kinds of rule and their share in percent (they add up to 100). */
  enum Kind {
    NAME(20),
    NAME_CASE_SENSITIVE(5),
    ENTITY_ID(6),
    NAME_AND_TOPIC(17),
    PHRASE(10),
    PROXIMITY(12),
    WILDCARD(7),
    TOPIC_GROUP(12),
    FIELDED(5),
    BROAD(1),
    RARE_TERM(5);

    final int percent;

    Kind(int percent) {
      this.percent = percent;
    }
  }

  /** Share of topical words, phrases and NEAR pairs drawn from other beats than the corpus's. */
  static final double OFF_BEAT = 0.6;

  /** The widest a word family may be: the share of stories an uncommon word is in. */
  static final double UNCOMMON_SHARE = 0.005;

  /** Share of name rules about an entity the corpus mentions; the rest name one it never does. */
  static final double NAMES_IN_CORPUS = 0.2;

  private final Vocabulary v;
  private final Random random;

  private RuleGenerator(Vocabulary v, long seed) {
    this.v = v;
    this.random = new Random(seed);
  }

  /** Rules from the corpus and the shipped knowledge base ({@code config/entities}). */
  public static List<AlertRule> generate(List<String> stories, int count, long seed) {
    Path dir = Home.resolve("config/entities");
    if (!Files.isDirectory(dir)) {
      return generate(stories, List.of(), List.of(), count, seed);
    }
    try {
      List<String> english =
          Files.readAllLines(dir.resolve("common-words.txt"), StandardCharsets.UTF_8).stream()
              .filter(w -> !w.startsWith("#"))
              .toList();
      return generate(
          stories, EntityTaggers.loadKnowledgeBase(dir).entries(), english, count, seed);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the word list in " + dir, e);
    }
  }

  /**
   * @param knowledgeBase entities whose names rules watch
   * @param englishWords a general word list, for the subjects of other beats than the corpus's
   */
  public static List<AlertRule> generate(
      List<String> stories,
      Collection<KnowledgeBaseEntry> knowledgeBase,
      Collection<String> englishWords,
      int count,
      long seed) {
    RuleGenerator g = new RuleGenerator(new Vocabulary(stories, knowledgeBase, englishWords), seed);
    List<AlertRule> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(new AlertRule("r" + i, g.query(g.kind()), AlertMode.EVERY, "sub" + (i % 500)));
    }
    return out;
  }

  Kind kind() {
    int roll = random.nextInt(100);
    for (Kind k : Kind.values()) {
      roll -= k.percent;
      if (roll < 0) {
        return k;
      }
    }
    throw new IllegalStateException("kind shares do not add up to 100");
  }

  String query(Kind kind) {
    return switch (kind) {
      case NAME -> random.nextInt(4) == 0 ? name() + " OR " + name() : name();
      case NAME_CASE_SENSITIVE -> "cs:" + name();
      case ENTITY_ID -> "entity:\"" + entity().id() + "\"";
      case NAME_AND_TOPIC -> nameAndTopic();
      case PHRASE -> random.nextInt(3) == 0 ? phrase() + " OR " + phrase() : phrase();
      case PROXIMITY -> proximity();
      case WILDCARD -> wildcard();
      case TOPIC_GROUP -> topicGroup();
      case FIELDED -> fielded();
      case BROAD -> broad();
      case RARE_TERM -> pick(v.words(Band.RARE));
    };
  }

  /** An organisation, person or place about one subject, or with a reading excluded. */
  private String nameAndTopic() {
    String name = random.nextInt(5) == 0 ? "cs:" + name() : name();
    return switch (random.nextInt(4)) {
      case 0 -> name + " AND (" + topicWord() + " OR " + topicWord() + " OR " + phrase() + ")";
      case 1 -> name + " NEAR/" + (5 + random.nextInt(11)) + " " + topicWord();
      case 2 -> name + " NOT " + topicWord();
      default -> name + " " + phrase();
    };
  }

  private String proximity() {
    String[] p =
        offBeat()
            ? new String[] {pick(v.offBeat), pick(v.offBeat)}
            : pick(v.nearPairs(random.nextInt(3) == 0 ? Band.UNCOMMON : Band.RARE));
    String op = (random.nextBoolean() ? "NEAR/" : "ONEAR/") + (3 + random.nextInt(8));
    return switch (random.nextInt(4)) {
      case 0 -> phrase() + " " + op + " " + p[1];
      case 1 -> "(" + p[0] + " OR " + topicWord() + ") " + op + " " + p[1];
      default -> p[0] + " " + op + " " + p[1];
    };
  }

  /**
   * A word family such as {@code fertili*}: five or more letters of a less common word, cut where
   * the family stays uncommon (as a subscriber would not watch {@code expec*}).
   */
  private String wildcard() {
    String stem = "";
    while (stem.isEmpty() || v.prefixShare(stem) > UNCOMMON_SHARE) {
      String w = topicWord();
      stem = w.length() < 6 ? "" : w.substring(0, Math.max(5, w.length() - 1 - random.nextInt(3)));
    }
    stem += "*";
    return switch (random.nextInt(3)) {
      case 0 -> stem;
      case 1 -> stem + " AND " + topicWord();
      default -> stem + " NEAR/5 " + topicWord();
    };
  }

  private String topicGroup() {
    return switch (random.nextInt(4)) {
      case 0 -> "(" + topicWord() + " OR " + topicWord() + ") AND " + topicWord();
      case 1 -> topicWord() + " " + topicWord() + " NOT " + pick(v.words(Band.BROAD));
      case 2 -> "(" + phrase() + " OR " + topicWord() + ") NOT " + topicWord();
      default -> pick(v.words(Band.BROAD)) + " AND (" + topicWord() + " OR " + phrase() + ")";
    };
  }

  private String fielded() {
    return switch (random.nextInt(4)) {
      case 0 -> "title:" + topicWord();
      case 1 -> "title:(" + name() + " OR " + topicWord() + ")";
      case 2 -> "title:" + pick(v.words(Band.COMMON));
      default -> "source:\"wire.example\" AND " + topicWord();
    };
  }

  /**
   * A beat: one common word of the feed, or a broad one narrowed by another. Words in more than 5%
   * of the stories are never watched alone: in a general feed hardly any topic is that frequent.
   */
  private String broad() {
    return random.nextBoolean()
        ? pick(v.words(Band.COMMON))
        : pick(v.words(Band.BROAD)) + " AND " + pick(v.words(Band.COMMON));
  }

  /**
   * A subject word: more often one of another beat (which this feed never uses) than one of this
   * feed, and then mostly rare or uncommon, now and then common.
   */
  private String topicWord() {
    if (offBeat()) {
      return pick(v.offBeat);
    }
    int roll = random.nextInt(20);
    Band band = roll < 11 ? Band.RARE : roll < 19 ? Band.UNCOMMON : Band.COMMON;
    return pick(v.words(band));
  }

  private String phrase() {
    if (offBeat()) {
      return "\"" + pick(v.offBeat) + " " + pick(v.offBeat) + "\"";
    }
    String[] p = pick(v.phrases(random.nextInt(5) < 3 ? Band.RARE : Band.UNCOMMON));
    return "\"" + String.join(" ", p) + "\"";
  }

  /** A name as a subscriber would type it: a bare word, or quoted when it has several. */
  private String name() {
    String name;
    if (v.entitiesElsewhere.isEmpty() || random.nextDouble() < NAMES_IN_CORPUS) {
      name = !v.entitiesInCorpus.isEmpty() && random.nextBoolean() ? surface() : pick(v.names);
    } else {
      name = pick(pick(v.entitiesElsewhere).forms());
    }
    name = Vocabulary.gram(name);
    boolean operator = name.matches("(?i)and|or|not|o?near/?\\d*");
    return name.contains(" ") || operator ? "\"" + name + "\"" : name;
  }

  private String surface() {
    return pick(pick(v.entitiesInCorpus).forms());
  }

  private Vocabulary.Named entity() {
    boolean inCorpus = v.entitiesElsewhere.isEmpty() || random.nextDouble() < NAMES_IN_CORPUS;
    return inCorpus && !v.entitiesInCorpus.isEmpty()
        ? pick(v.entitiesInCorpus)
        : pick(v.entitiesElsewhere);
  }

  private boolean offBeat() {
    return !v.offBeat.isEmpty() && random.nextDouble() < OFF_BEAT;
  }

  private <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }
}
