package io.wirewatch.dedup;

import io.wirewatch.text.TextNormalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * The boilerplate of one source: lines (paragraphs) that recur across many of its articles, such as
 * subscription prompts, cookie notices and sign-offs.
 *
 * <p>Everything is decided by publication time, not by the order articles arrive in, since one
 * source's articles come from several input partitions in an order that timing decides. A line is
 * boilerplate for an article when at least {@code minArticles} articles of the source published
 * before it (in an earlier second) held the line; so an article never hides its own lines, and
 * {@link #strip} and {@link #learn} may be called in either order.
 *
 * <p>Memory is bounded: at most {@code capacity} line hashes are kept, each with the publication
 * times of its first {@code minArticles} sightings and of its latest. Beyond capacity, the lines
 * whose latest sightings were published first are forgotten. Real boilerplate recurs in every few
 * articles and so stays; a story's own lines are forgotten after about {@code capacity /
 * lines-per-article} articles of the source.
 *
 * <p>Not thread-safe: one instance belongs to one source's processor.
 */
public final class BoilerplateModel {

  private static final int FORMAT_VERSION = 2;

  private final int capacity;
  private final int minArticles;
  private final LineSightings lines;

  public BoilerplateModel(DedupSettings settings) {
    this(settings.boilerplateCapacity(), settings.boilerplateMinArticles());
  }

  BoilerplateModel(int capacity, int minArticles) {
    this.capacity = capacity;
    this.minArticles = minArticles;
    this.lines = new LineSightings(minArticles);
  }

  /**
   * {@code body} without the lines that are boilerplate for an article published at {@code
   * publishedAt}; unchanged when every line would go.
   */
  public String strip(String body, Instant publishedAt) {
    String[] lines = body.split("\n", -1);
    return strip(body, lines, lineHashes(lines), publishedAt.getEpochSecond());
  }

  /** Counts each distinct line of {@code body} as seen in one more article of the source. */
  public void learn(String body, Instant publishedAt) {
    learn(lineHashes(body.split("\n", -1)), publishedAt.getEpochSecond());
  }

  /**
   * {@link #strip} and then {@link #learn} the same body, each line hashed once for both (hashing
   * normalises the line, the larger part of either step).
   */
  public String stripAndLearn(String body, Instant publishedAt) {
    long second = publishedAt.getEpochSecond();
    String[] lines = body.split("\n", -1);
    Long[] hashes = lineHashes(lines);
    String stripped = strip(body, lines, hashes, second);
    learn(hashes, second);
    return stripped;
  }

  private String strip(String body, String[] lines, Long[] hashes, long second) {
    List<String> kept = new ArrayList<>();
    boolean removedAny = false;
    boolean keptContent = false;
    for (int i = 0; i < lines.length; i++) {
      Long hash = hashes[i];
      if (hash != null && isBoilerplate(hash, second)) {
        removedAny = true;
      } else {
        kept.add(lines[i]);
        keptContent |= hash != null;
      }
    }
    return removedAny && keptContent ? String.join("\n", kept) : body;
  }

  private void learn(Long[] hashes, long second) {
    Set<Long> seen = new HashSet<>();
    for (Long hash : hashes) {
      if (hash != null && seen.add(hash)) {
        lines.see(hash, second);
      }
    }
    forgetLatestPublishedFirst();
  }

  private static Long[] lineHashes(String[] lines) {
    Long[] hashes = new Long[lines.length];
    for (int i = 0; i < lines.length; i++) {
      hashes[i] = lineHash(lines[i]);
    }
    return hashes;
  }

  /** How many line hashes the model holds; never more than its capacity. */
  public int size() {
    return lines.size();
  }

  /**
   * The model as bytes, for a state store: times in seconds after the earliest time held. Lines go
   * in table order, so equal models written after different histories may differ in bytes (never in
   * what {@link #fromBytes} reads back).
   */
  public byte[] toBytes() {
    long base = Long.MAX_VALUE;
    for (int s = 0; s < lines.slots(); s++) {
      if (lines.used(s)) {
        base = Math.min(base, lines.first(s, 0));
      }
    }
    ModelBytes.Writer out = new ModelBytes.Writer(16 + lines.size() * 20);
    out.writeInt(FORMAT_VERSION);
    out.writeInt(lines.size());
    out.writeLong(lines.size() == 0 ? 0 : base);
    for (int s = 0; s < lines.slots(); s++) {
      if (lines.used(s)) {
        out.writeLong(lines.hash(s));
        out.writeVarLong(lines.latest(s) - base);
        int n = lines.count(s);
        out.writeByte(n);
        for (int i = 0; i < n; i++) {
          out.writeVarLong(lines.first(s, i) - base);
        }
      }
    }
    return out.toByteArray();
  }

  /**
   * The model's content in hash order, one line per text line ("hash latest first..."), for
   * comparing models whatever order their lines are held in.
   */
  String describe() {
    TreeMap<Long, String> byHash = new TreeMap<>();
    for (int s = 0; s < lines.slots(); s++) {
      if (lines.used(s)) {
        StringBuilder line = new StringBuilder().append(lines.latest(s));
        for (int i = 0; i < lines.count(s); i++) {
          line.append(' ').append(lines.first(s, i));
        }
        byHash.put(lines.hash(s), line.toString());
      }
    }
    StringBuilder out = new StringBuilder();
    byHash.forEach((hash, line) -> out.append(hash).append(' ').append(line).append('\n'));
    return out.toString();
  }

  /**
   * A model read back from {@link #toBytes()}; lines beyond the settings' capacity, and sightings
   * beyond its minimum article count, are dropped. A model of the first format, which kept no
   * times, starts empty: its counts say nothing of when the lines were seen.
   */
  public static BoilerplateModel fromBytes(byte[] bytes, DedupSettings settings) {
    BoilerplateModel model = new BoilerplateModel(settings);
    ModelBytes.Reader in = new ModelBytes.Reader(bytes);
    int version = in.readInt();
    if (version == 1) {
      return model;
    }
    if (version != FORMAT_VERSION) {
      throw new IllegalArgumentException("unknown boilerplate model format " + version);
    }
    int size = in.readInt();
    long base = in.readLong();
    // a count is one unsigned byte
    long[] firsts = new long[255];
    for (int i = 0; i < size; i++) {
      long hash = in.readLong();
      long latest = base + in.readVarLong();
      int count = in.readUnsignedByte();
      if (count == 0) {
        throw new IllegalArgumentException("boilerplate line without sightings");
      }
      for (int j = 0; j < count; j++) {
        firsts[j] = base + in.readVarLong();
      }
      model.lines.restore(hash, latest, firsts, count);
    }
    model.forgetLatestPublishedFirst();
    return model;
  }

  private boolean isBoilerplate(long hash, long second) {
    return lines.seenBefore(hash, second) >= minArticles;
  }

  /**
   * Forgets the lines whose latest sighting was published first (ties by hash) until the model is
   * within capacity. Ordered by publication time, not arrival, so that articles of one burst
   * learned in another order leave the same lines. A full model forgets a few lines for every
   * article, so they are picked in one pass over primitive values (see {@link OldestLines}).
   */
  private void forgetLatestPublishedFirst() {
    int excess = lines.size() - capacity;
    if (excess <= 0) {
      return;
    }
    OldestLines oldest = new OldestLines(excess);
    for (int s = 0; s < lines.slots(); s++) {
      if (lines.used(s)) {
        oldest.offer(lines.latest(s), lines.hash(s));
      }
    }
    for (long hash : oldest.hashes()) {
      lines.remove(hash);
    }
  }

  /** The hash of a line's comparison form, or null for a line with no text. */
  private static Long lineHash(String line) {
    if (line.isBlank()) {
      return null;
    }
    String normalized = TextNormalizer.normalize(line);
    return normalized.isEmpty() ? null : Hashing.hash(normalized);
  }
}
