package io.wirewatch.dedup;

import io.wirewatch.text.TextNormalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

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
  private final Map<Long, Sightings> sightingsPerLine = new HashMap<>();

  /**
   * When a line was seen, in seconds of publication time: the first {@code minArticles} sightings
   * in ascending order, and the latest.
   */
  private static final class Sightings {
    long[] first;
    long latest;

    Sightings(long[] first, long latest) {
      this.first = first;
      this.latest = latest;
    }

    int seenBefore(long second) {
      int n = 0;
      while (n < first.length && first[n] < second) {
        n++;
      }
      return n;
    }

    void add(long second, int keep) {
      latest = Math.max(latest, second);
      int at = Arrays.binarySearch(first, second);
      int insertAt = at >= 0 ? at : -at - 1;
      if (insertAt >= keep) {
        return;
      }
      long[] grown = new long[Math.min(keep, first.length + 1)];
      System.arraycopy(first, 0, grown, 0, insertAt);
      grown[insertAt] = second;
      System.arraycopy(first, insertAt, grown, insertAt + 1, grown.length - insertAt - 1);
      first = grown;
    }
  }

  public BoilerplateModel(DedupSettings settings) {
    this(settings.boilerplateCapacity(), settings.boilerplateMinArticles());
  }

  BoilerplateModel(int capacity, int minArticles) {
    this.capacity = capacity;
    this.minArticles = minArticles;
  }

  /**
   * {@code body} without the lines that are boilerplate for an article published at {@code
   * publishedAt}; unchanged when every line would go.
   */
  public String strip(String body, Instant publishedAt) {
    long second = publishedAt.getEpochSecond();
    List<String> kept = new ArrayList<>();
    boolean removedAny = false;
    boolean keptContent = false;
    for (String line : body.split("\n", -1)) {
      Long hash = lineHash(line);
      if (hash != null && isBoilerplate(hash, second)) {
        removedAny = true;
      } else {
        kept.add(line);
        keptContent |= hash != null;
      }
    }
    return removedAny && keptContent ? String.join("\n", kept) : body;
  }

  /** Counts each distinct line of {@code body} as seen in one more article of the source. */
  public void learn(String body, Instant publishedAt) {
    long second = publishedAt.getEpochSecond();
    Set<Long> seen = new HashSet<>();
    for (String line : body.split("\n")) {
      Long hash = lineHash(line);
      if (hash != null && seen.add(hash)) {
        Sightings s = sightingsPerLine.get(hash);
        if (s == null) {
          sightingsPerLine.put(hash, new Sightings(new long[] {second}, second));
        } else {
          s.add(second, minArticles);
        }
      }
    }
    forgetLatestPublishedFirst();
  }

  /** How many line hashes the model holds; never more than its capacity. */
  public int size() {
    return sightingsPerLine.size();
  }

  /**
   * The model as bytes, for a state store: lines in hash order, times in seconds after the earliest
   * time held, so that the same content gives the same bytes.
   */
  public byte[] toBytes() {
    long base = Long.MAX_VALUE;
    for (Sightings s : sightingsPerLine.values()) {
      base = Math.min(base, s.first[0]);
    }
    ModelBytes.Writer out = new ModelBytes.Writer(16 + sightingsPerLine.size() * 20);
    out.writeInt(FORMAT_VERSION);
    out.writeInt(sightingsPerLine.size());
    out.writeLong(sightingsPerLine.isEmpty() ? 0 : base);
    long[] hashes = new long[sightingsPerLine.size()];
    int n = 0;
    for (long hash : sightingsPerLine.keySet()) {
      hashes[n++] = hash;
    }
    Arrays.sort(hashes);
    for (long hash : hashes) {
      Sightings s = sightingsPerLine.get(hash);
      out.writeLong(hash);
      out.writeVarLong(s.latest - base);
      out.writeByte(s.first.length);
      for (long t : s.first) {
        out.writeVarLong(t - base);
      }
    }
    return out.toByteArray();
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
    for (int i = 0; i < size; i++) {
      long hash = in.readLong();
      long latest = base + in.readVarLong();
      int count = in.readUnsignedByte();
      if (count == 0) {
        throw new IllegalArgumentException("boilerplate line without sightings");
      }
      long[] kept = new long[Math.min(count, model.minArticles)];
      for (int j = 0; j < count; j++) {
        long t = base + in.readVarLong();
        if (j < kept.length) {
          kept[j] = t;
        }
      }
      model.sightingsPerLine.put(hash, new Sightings(kept, latest));
    }
    model.forgetLatestPublishedFirst();
    return model;
  }

  private boolean isBoilerplate(long hash, long second) {
    Sightings s = sightingsPerLine.get(hash);
    return s != null && s.seenBefore(second) >= minArticles;
  }

  /**
   * Forgets the lines whose latest sighting was published first (ties by hash) until the model is
   * within capacity. Ordered by publication time, not arrival, so that articles of one burst
   * learned in another order leave the same lines. The few lines to forget are picked in one pass
   * with a small heap, as a full sort for every article would cost more than the rest of learning.
   */
  private void forgetLatestPublishedFirst() {
    int excess = sightingsPerLine.size() - capacity;
    if (excess <= 0) {
      return;
    }
    Comparator<Map.Entry<Long, Sightings>> oldestFirst =
        Comparator.<Map.Entry<Long, Sightings>>comparingLong(e -> e.getValue().latest)
            .thenComparing(Map.Entry::getKey);
    // the heap keeps the excess oldest lines seen so far, the youngest of them on top
    PriorityQueue<Map.Entry<Long, Sightings>> oldest =
        new PriorityQueue<>(excess + 1, oldestFirst.reversed());
    for (Map.Entry<Long, Sightings> e : sightingsPerLine.entrySet()) {
      if (oldest.size() < excess) {
        oldest.add(e);
      } else if (oldestFirst.compare(e, oldest.peek()) < 0) {
        oldest.poll();
        oldest.add(e);
      }
    }
    List<Long> forget = new ArrayList<>();
    for (Map.Entry<Long, Sightings> e : oldest) {
      forget.add(e.getKey());
    }
    forget.forEach(sightingsPerLine::remove);
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
