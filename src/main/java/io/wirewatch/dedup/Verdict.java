package io.wirewatch.dedup;

import java.util.Objects;

/**
 * What dedup says of one article.
 *
 * @param canonicalId the earliest copy seen; the article's own id when {@link DedupStatus#UNIQUE}
 * @param similarity how much of the text is shared with the canonical copy, 0 to 1
 * @param storyId one id for every article about the same event
 */
public record Verdict(DedupStatus status, String canonicalId, double similarity, String storyId) {
  public Verdict {
    Objects.requireNonNull(status, "status can't be null");
    Objects.requireNonNull(canonicalId, "canonicalId can't be null");
    Objects.requireNonNull(storyId, "storyId can't be null");
  }

  public static Verdict unique(String articleId, String storyId) {
    return new Verdict(DedupStatus.UNIQUE, articleId, 1.0, storyId);
  }
}
