package io.wirewatch.entity;

import java.util.List;

/**
 * A statistical recogniser of names (people, organisations, places) that an optional module
 * provides through {@link java.util.ServiceLoader}. The knowledge-base tagger links what it knows;
 * a name finder adds the names that are in no list. Keeping it behind this interface lets the core
 * stay free of the model's library and licence: without a module on the class path, the rule-based
 * recogniser alone finds unknown names.
 *
 * <p>Implementations are thread-safe: stream threads share one instance. A provider needs a public
 * no-argument constructor, which may take seconds to load its model.
 */
public interface NameFinder {

  /** Names in text, in any order, with offsets into text. */
  List<FoundName> find(String text);

  /** What the finder is, for the log: the model and its library. */
  String describe();
}
