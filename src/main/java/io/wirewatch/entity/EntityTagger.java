package io.wirewatch.entity;

import java.util.List;

/** Finds the entities of one text. Implementations are thread-safe. */
public interface EntityTagger {
  /**
   * @param text {@code title + "\n\n" + body}
   * @param titleLength length of the title within text (0 when there is none), for salience
   */
  List<TaggedEntity> tag(String text, int titleLength);
}
