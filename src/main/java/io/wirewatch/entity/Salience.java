package io.wirewatch.entity;

import java.util.List;

/** How central an entity is to an article: named in the title, and mentioned often. */
final class Salience {

  private Salience() {}

  static double of(List<Mention> mentions, int titleLength) {
    boolean inTitle = false;
    for (Mention m : mentions) {
      inTitle |= m.start() < titleLength;
    }
    double frequency = 1.0 - Math.pow(0.7, mentions.size());
    return Math.min(1.0, (inTitle ? 0.5 : 0.0) + 0.5 * frequency);
  }
}
