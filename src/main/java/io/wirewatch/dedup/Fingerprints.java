package io.wirewatch.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The index keys of one article.
 *
 * @param exactKey the hash of the whole normalised text: equal keys mean identical articles
 * @param passageKeys hashes of sampled passages, for partial copies
 * @param storyKeys features shared by write-ups of one event, for story grouping
 */
public record Fingerprints(String exactKey, List<String> passageKeys, List<String> storyKeys) {

  public static final String EXACT_PREFIX = "x:";
  public static final String PASSAGE_PREFIX = "p:";
  public static final String STORY_PREFIX = "s:";

  public Fingerprints {
    Objects.requireNonNull(exactKey, "exactKey can't be null");
    passageKeys = List.copyOf(passageKeys);
    storyKeys = List.copyOf(storyKeys);
  }

  /** Every key to look up in the index, exact key first. */
  public List<String> allKeys() {
    List<String> keys = new ArrayList<>(1 + passageKeys.size() + storyKeys.size());
    keys.add(exactKey);
    keys.addAll(passageKeys);
    keys.addAll(storyKeys);
    return keys;
  }

  public int passageCount() {
    return passageKeys.size();
  }
}
