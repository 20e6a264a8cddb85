package io.wirewatch.dedup;

import java.time.Instant;
import java.util.Arrays;
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

  // 2: the lines; 3: the lines, then the articles learned since they were written (see appendix);
  // 4: as 3, the lines hashed eight chars at a time (LineHash), so 2 and 3 hold other hashes
  private static final int FORMAT_VERSION = 4;

  /**
   * How many articles the stored bytes may carry after the lines before the model is written whole
   * again: a model read back replays them, so this bounds a read at this many learning steps. 32
   * since the eleventh session, when the appendices moved to a small entry of their own (they are
   * about 400 bytes an article) and writing the model whole became most of what the stored bytes
   * cost; 16 before.
   */
  public static final int MAX_APPENDED = 32;

  /**
   * The most line hashes one appendix carries; an article with more distinct lines has the model
   * written whole instead (capacity bounds that). Without it, a body of many short distinct lines
   * could make the stored entry larger than a broker accepts, and the task would fail on the same
   * article after every restart. 32 appendices of 512 hashes stay near 130 KB.
   */
  static final int MAX_APPENDIX_LINES = 512;

  private final int capacity;
  private final int minArticles;
  private final LineSightings lines;
  private final BodyLines bodyLines = new BodyLines();
  private final HashSort hashSort = new HashSort();
  // the latest article learned, as its appendix would carry it
  private long[] lastLearned;
  private long lastSecond;
  // articles carried after the lines by the bytes this model was last written or read as; -1
  // when those bytes cannot take more (never written, or of a format before appendices)
  private int appended = -1;

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
    bodyLines.read(body);
    return strip(body, publishedAt.getEpochSecond());
  }

  /** Counts each distinct line of {@code body} as seen in one more article of the source. */
  public void learn(String body, Instant publishedAt) {
    bodyLines.read(body);
    learn(publishedAt.getEpochSecond());
  }

  /**
   * {@link #strip} and then {@link #learn} the same body, each line hashed once for both (hashing
   * normalises the line, the larger part of either step).
   */
  public String stripAndLearn(String body, Instant publishedAt) {
    long second = publishedAt.getEpochSecond();
    bodyLines.read(body);
    String stripped = strip(body, second);
    learn(second);
    return stripped;
  }

  /** {@link #strip} of the body {@link #bodyLines} holds. */
  private String strip(String body, long second) {
    int n = bodyLines.count();
    boolean[] dropped = new boolean[n];
    boolean removedAny = false;
    boolean keptContent = false;
    for (int i = 0; i < n; i++) {
      boolean hasText = bodyLines.hasText(i);
      dropped[i] = hasText && isBoilerplate(bodyLines.hash(i), second);
      removedAny |= dropped[i];
      keptContent |= hasText && !dropped[i];
    }
    return removedAny && keptContent ? bodyLines.without(dropped) : body;
  }

  /** {@link #learn} of the body {@link #bodyLines} holds. */
  private void learn(long second) {
    int lineCount = bodyLines.count();
    long[] learned = new long[lineCount];
    int n = 0;
    for (int i = 0; i < lineCount; i++) {
      if (bodyLines.hasText(i)) {
        learned[n++] = bodyLines.hash(i);
      }
    }
    // in hash order, which is the order lines of one second are forgotten in (see OldestLines)
    hashSort.sort(learned, n);
    int distinct = 0;
    for (int i = 0; i < n; i++) {
      if (distinct == 0 || learned[i] != learned[distinct - 1]) {
        learned[distinct++] = learned[i];
      }
    }
    learnDistinct(learned, distinct, second);
  }

  private void learnDistinct(long[] hashes, int n, long second) {
    for (int i = 0; i < n; i++) {
      lines.see(hashes[i], second);
    }
    forgetLatestPublishedFirst();
    lastLearned = n == hashes.length ? hashes : Arrays.copyOf(hashes, n);
    lastSecond = second;
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
    appended = 0;
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
   * What to add at the end of the bytes this model was last written or read as, so that they read
   * back as the model now is: the latest article learned (its publication second and the hashes of
   * its distinct lines), replayed on reading. Null when those bytes cannot take it (then write
   * {@link #toBytes()}): a model never written, or one whose bytes already carry {@link
   * #MAX_APPENDED} articles. A full model is about 50 KB, and writing it whole for every article
   * cost more than stripping and learning.
   */
  public byte[] appendix() {
    if (appended < 0
        || appended >= MAX_APPENDED
        || lastLearned == null
        || lastLearned.length > MAX_APPENDIX_LINES) {
      return null;
    }
    appended++;
    ModelBytes.Writer out = new ModelBytes.Writer(16 + lastLearned.length * 8);
    out.writeLong(lastSecond);
    out.writeVarLong(lastLearned.length);
    for (long hash : lastLearned) {
      out.writeLong(hash);
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
   * A model read back from {@link #toBytes()} and the {@link #appendix()}es written after it; lines
   * beyond the settings' capacity, and sightings beyond its minimum article count, are dropped. A
   * model of the first format, which kept no times, starts empty: its counts say nothing of when
   * the lines were seen. So do models of formats 2 and 3: their lines were hashed with FNV-1a
   * (before the eleventh session), and no line hashes so now; the source's model is learned again.
   */
  public static BoilerplateModel fromBytes(byte[] bytes, DedupSettings settings) {
    BoilerplateModel model = new BoilerplateModel(settings);
    ModelBytes.Reader in = new ModelBytes.Reader(bytes);
    int version = in.readInt();
    if (version >= 1 && version < FORMAT_VERSION) {
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
    model.appended = 0;
    while (!in.atEnd()) {
      long second = in.readLong();
      long n = in.readVarLong();
      if (n < 0 || n > bytes.length / Long.BYTES) {
        throw new IllegalArgumentException("boilerplate appendix of " + n + " lines");
      }
      long[] hashes = new long[(int) n];
      for (int i = 0; i < n; i++) {
        hashes[i] = in.readLong();
      }
      model.learnDistinct(hashes, hashes.length, second);
      model.appended++;
    }
    return model;
  }

  private boolean isBoilerplate(long hash, long second) {
    return lines.seenBefore(hash, second) >= minArticles;
  }

  /**
   * Forgets the lines whose latest sighting was published first (ties by hash) until the model is
   * within capacity. Ordered by publication time, not arrival, so that articles of one burst
   * learned in another order leave the same lines.
   */
  private void forgetLatestPublishedFirst() {
    while (lines.size() > capacity) {
      lines.removeOldest();
    }
  }
}
