package io.wirewatch.kafka.dedup;

import java.time.Instant;
import java.util.Objects;

/**
 * The fingerprint task's boilerplate models, one per source, stored in a key-value store (the
 * truth) and kept decoded for the sources seen last. Each article reads and writes its source's
 * small head entry ({@link SourceEntry}): the model's lines, about 50 KB when full, are written
 * under their own key only every {@link io.wirewatch.dedup.BoilerplateModel#MAX_APPENDED} + 1
 * articles, and read only when the kept model cannot be used.
 *
 * <p>A kept model is used only while the store still holds exactly the head it was written with
 * ({@link DecodedModels}). The kept models live only as long as this object, which a task makes
 * anew in each {@code init}, so a restored store or a revived task starts with none; within one
 * task's life every write goes through here, and the sweep deletes the head with the lines, after
 * which the source's next article starts a fresh model.
 *
 * <p>Bounded: per source one head (at most {@code MAX_APPENDED} articles' line hashes) and one
 * lines entry, both deleted when the source is forgotten ({@link SourceSweep}); and the decoded
 * models of the {@code decoded} sources used last.
 */
public final class SourceModels {

  /** The store the models live in: a task's state store, or a map in a benchmark. */
  public interface Entries {
    byte[] get(String key);

    void put(String key, byte[] value);

    void delete(String key);
  }

  private final SourceBoilerplate boilerplate;
  private final Entries entries;
  private final long windowMillis;
  private final DecodedModels models;

  public SourceModels(
      SourceBoilerplate boilerplate, Entries entries, long windowMillis, int decoded) {
    this.boilerplate = Objects.requireNonNull(boilerplate, "boilerplate can't be null");
    this.entries = Objects.requireNonNull(entries, "entries can't be null");
    this.windowMillis = windowMillis;
    this.models = new DecodedModels(decoded);
  }

  /**
   * {@code body} stripped and learned with the source's model, which starts afresh when the source
   * was last seen more than the dedup window before this article: decided here rather than by the
   * sweep, so that how far the sweep has come never changes a verdict.
   */
  public String stripAndLearn(String source, String body, Instant publishedAt) {
    long eventTime = publishedAt.toEpochMilli();
    String headKey = SourceKeys.head(source);
    byte[] head = entries.get(headKey);
    long lastSeen = head == null ? SourceEntry.UNKNOWN : lastSeen(head);
    boolean forgotten = head == null || SourceEntry.expired(lastSeen, eventTime, windowMillis);
    SourceBoilerplate.Model model = forgotten ? null : kept(source, head);
    if (model == null) {
      // forgotten, or unreadable: a fresh model, and both keys written anew
      forgotten = true;
      head = null;
      model = boilerplate.fresh();
    }
    String stripped = model.stripAndLearn(body, publishedAt);
    long seen = forgotten ? eventTime : Math.max(lastSeen, eventTime);
    // most articles add their lines to the head; now and then the model is written whole
    boolean split = head != null && SourceEntry.isSplit(head);
    byte[] appendix = forgotten || !split ? null : model.appendix();
    byte[] written;
    if (appendix == null) {
      entries.put(SourceKeys.lines(source), model.toBytes());
      written = SourceEntry.split(seen, split ? SourceEntry.learned(head) + 1 : 0);
    } else {
      written = SourceEntry.splitAppended(head, seen, appendix);
    }
    entries.put(headKey, written);
    models.put(source, written, model);
    return stripped;
  }

  /**
   * The source's model, or null when its entries can't be read (lines missing, or bytes of a format
   * this build doesn't know: a rollback, or an older instance's sweep rewriting a new entry during
   * an upgrade). The source then starts afresh and both keys are rewritten, rather than every
   * article of the source failing until the window forgets it.
   */
  private SourceBoilerplate.Model kept(String source, byte[] head) {
    try {
      return models.take(source, head, h -> decode(source, h));
    } catch (RuntimeException unreadable) {
      return null;
    }
  }

  /** The head's last sighting; unknown, so the source is forgotten, when it can't be read. */
  private static long lastSeen(byte[] head) {
    try {
      return SourceEntry.lastSeen(head);
    } catch (RuntimeException unreadable) {
      return SourceEntry.UNKNOWN;
    }
  }

  private SourceBoilerplate.Model decode(String source, byte[] head) {
    if (!SourceEntry.isSplit(head)) {
      return boilerplate.read(SourceEntry.model(head));
    }
    byte[] lines = entries.get(SourceKeys.lines(source));
    if (lines == null) {
      throw new IllegalStateException("boilerplate model lines missing for " + source);
    }
    return boilerplate.read(SourceEntry.splitModel(head, lines));
  }
}
