package io.wirewatch.dedup;

import io.wirewatch.text.TextNormalizer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The boilerplate of one source: lines (paragraphs) that recur across many of its articles, such as
 * subscription prompts, cookie notices and sign-offs. Call {@link #strip} before {@link #learn} on
 * each article, so that an article never hides its own lines.
 *
 * <p>Memory is bounded: at most {@code capacity} line hashes are kept, and the least recently seen
 * line is forgotten first. Real boilerplate recurs in every few articles and so stays; a story's
 * own lines are forgotten after about {@code capacity / lines-per-article} articles of the source.
 *
 * <p>Not thread-safe: one instance belongs to one source's processor.
 */
public final class BoilerplateModel {

  private static final int FORMAT_VERSION = 1;

  private final int capacity;
  private final int minArticles;
  private final LinkedHashMap<Long, Integer> articlesPerLine;

  public BoilerplateModel(DedupSettings settings) {
    this(settings.boilerplateCapacity(), settings.boilerplateMinArticles());
  }

  BoilerplateModel(int capacity, int minArticles) {
    this.capacity = capacity;
    this.minArticles = minArticles;
    // kept in the order lines were last learned, so iteration starts at the first line to evict
    this.articlesPerLine = new LinkedHashMap<>();
  }

  /** {@code body} without its boilerplate lines; unchanged when every line would go. */
  public String strip(String body) {
    List<String> kept = new ArrayList<>();
    boolean removedAny = false;
    boolean keptContent = false;
    for (String line : body.split("\n", -1)) {
      Long hash = lineHash(line);
      if (hash != null && isBoilerplate(hash)) {
        removedAny = true;
      } else {
        kept.add(line);
        keptContent |= hash != null;
      }
    }
    return removedAny && keptContent ? String.join("\n", kept) : body;
  }

  /** Counts each distinct line of {@code body} as seen in one more article of the source. */
  public void learn(String body) {
    Set<Long> seen = new HashSet<>();
    for (String line : body.split("\n")) {
      Long hash = lineHash(line);
      if (hash != null && seen.add(hash)) {
        Integer before = articlesPerLine.remove(hash);
        // re-inserted to move it to the young end; the count saturates instead of overflowing
        articlesPerLine.put(hash, before == null ? 1 : Math.max(before, before + 1));
      }
    }
    evictLeastRecentlySeen();
  }

  /** How many line hashes the model holds; never more than its capacity. */
  public int size() {
    return articlesPerLine.size();
  }

  /** The model as bytes, for a state store: lines in least-recently-seen order. */
  public byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(8 + articlesPerLine.size() * 12);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(FORMAT_VERSION);
      out.writeInt(articlesPerLine.size());
      for (Map.Entry<Long, Integer> e : articlesPerLine.entrySet()) {
        out.writeLong(e.getKey());
        out.writeInt(e.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory can't fail", e);
    }
    return bytes.toByteArray();
  }

  /** A model read back from {@link #toBytes()}; lines beyond the settings' capacity are dropped. */
  public static BoilerplateModel fromBytes(byte[] bytes, DedupSettings settings) {
    BoilerplateModel model = new BoilerplateModel(settings);
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      int version = in.readInt();
      if (version != FORMAT_VERSION) {
        throw new IllegalArgumentException("unknown boilerplate model format " + version);
      }
      int size = in.readInt();
      for (int i = 0; i < size; i++) {
        model.articlesPerLine.put(in.readLong(), in.readInt());
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("truncated boilerplate model", e);
    }
    model.evictLeastRecentlySeen();
    return model;
  }

  private boolean isBoilerplate(long hash) {
    Integer count = articlesPerLine.get(hash);
    return count != null && count >= minArticles;
  }

  private void evictLeastRecentlySeen() {
    Iterator<Long> oldestFirst = articlesPerLine.keySet().iterator();
    for (int excess = articlesPerLine.size() - capacity; excess > 0; excess--) {
      oldestFirst.next();
      oldestFirst.remove();
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
