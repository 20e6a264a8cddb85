package io.wirewatch.kafka.dedup;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A source's head entry in the boilerplate store ({@link SourceKeys#head}), in one of three formats
 * told apart by their first int:
 *
 * <ul>
 *   <li>{@code -2} (since the eleventh session): the latest publication time seen from the source
 *       (what lets a source that stopped sending expire), a count of the articles learned, and the
 *       appendices of the articles learned since the model was last written whole; the model itself
 *       as then written is under {@link SourceKeys#lines}. The entry read and written for each
 *       article stays a few KB while a full model is about 50 KB.
 *   <li>{@code -1}: the time, then the model's bytes with their appendices, all in one entry.
 *   <li>a positive model format version: the model's bytes alone, from before the time was kept.
 * </ul>
 *
 * The two older formats are still read; a source's next article writes its model in the newest.
 */
final class SourceEntry {

  /** The last-seen time of an entry written before it was kept. */
  static final long UNKNOWN = Long.MIN_VALUE;

  private static final int MARKER = -1;
  private static final int SPLIT_MARKER = -2;
  private static final int HEADER = Integer.BYTES + Long.BYTES;
  private static final int SPLIT_HEADER = HEADER + Long.BYTES;

  private SourceEntry() {}

  static byte[] of(long lastSeen, byte[] model) {
    return ByteBuffer.allocate(HEADER + model.length)
        .putInt(MARKER)
        .putLong(lastSeen)
        .put(model)
        .array();
  }

  /**
   * A head of the split format: the model written whole under {@link SourceKeys#lines} as the
   * {@code learned}th article was learned, nothing appended since.
   */
  static byte[] split(long lastSeen, long learned) {
    return ByteBuffer.allocate(SPLIT_HEADER)
        .putInt(SPLIT_MARKER)
        .putLong(lastSeen)
        .putLong(learned)
        .array();
  }

  /** Whether {@code entry} is a head of the split format (its model under its lines key). */
  static boolean isSplit(byte[] entry) {
    return entry.length >= SPLIT_HEADER && ByteBuffer.wrap(entry).getInt(0) == SPLIT_MARKER;
  }

  /**
   * How many articles the source's model had learned when {@code head} (split format) was written:
   * one more with each head written, so a head differs from every earlier one of its source.
   */
  static long learned(byte[] head) {
    return ByteBuffer.wrap(head).getLong(HEADER);
  }

  /**
   * {@code head} (split format) with {@code appendix} added after the appendices it carries, its
   * time set to {@code lastSeen} and one more article counted.
   */
  static byte[] splitAppended(byte[] head, long lastSeen, byte[] appendix) {
    byte[] out = Arrays.copyOf(head, head.length + appendix.length);
    System.arraycopy(appendix, 0, out, head.length, appendix.length);
    ByteBuffer.wrap(out).putLong(Integer.BYTES, lastSeen).putLong(HEADER, learned(head) + 1);
    return out;
  }

  /**
   * The model's bytes of a split head: {@code lines} (what {@link SourceKeys#lines} holds) followed
   * by the appendices the head carries.
   */
  static byte[] splitModel(byte[] head, byte[] lines) {
    byte[] out = Arrays.copyOf(lines, lines.length + head.length - SPLIT_HEADER);
    System.arraycopy(head, SPLIT_HEADER, out, lines.length, head.length - SPLIT_HEADER);
    return out;
  }

  static long lastSeen(byte[] entry) {
    return hasLastSeen(entry) ? ByteBuffer.wrap(entry).getLong(Integer.BYTES) : UNKNOWN;
  }

  /** The model's bytes of an entry of the two older formats (not a split head). */
  static byte[] model(byte[] entry) {
    if (isSplit(entry)) {
      throw new IllegalArgumentException("a split head holds no model lines");
    }
    return hasLastSeen(entry) ? Arrays.copyOfRange(entry, HEADER, entry.length) : entry;
  }

  /**
   * Whether a source last seen at {@code lastSeen} is forgotten at {@code now}: seen more than the
   * window before. An entry of unknown time is not.
   */
  static boolean expired(long lastSeen, long now, long windowMillis) {
    return lastSeen != UNKNOWN && lastSeen < now - windowMillis;
  }

  /** Whether the entry carries its last-seen time (entries written before it was kept do not). */
  static boolean hasLastSeen(byte[] entry) {
    if (entry.length < HEADER) {
      return false;
    }
    int marker = ByteBuffer.wrap(entry).getInt(0);
    return marker == MARKER || (marker == SPLIT_MARKER && entry.length >= SPLIT_HEADER);
  }
}
