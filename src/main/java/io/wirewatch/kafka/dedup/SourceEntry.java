package io.wirewatch.kafka.dedup;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A source's entry in the boilerplate store: its model's bytes behind the latest publication time
 * seen from the source, which is what lets a source that stopped sending expire. Entries written
 * before the time was kept hold the model's bytes alone; those start with the model's format
 * version, which is positive, so a negative marker tells the two apart.
 */
final class SourceEntry {

  /** The last-seen time of an entry written before it was kept. */
  static final long UNKNOWN = Long.MIN_VALUE;

  private static final int MARKER = -1;
  private static final int HEADER = Integer.BYTES + Long.BYTES;

  private SourceEntry() {}

  static byte[] of(long lastSeen, byte[] model) {
    return ByteBuffer.allocate(HEADER + model.length)
        .putInt(MARKER)
        .putLong(lastSeen)
        .put(model)
        .array();
  }

  /**
   * {@code entry} (one with a time) with {@code tail} added after its model's bytes and its time
   * set to {@code lastSeen}.
   */
  static byte[] appended(byte[] entry, long lastSeen, byte[] tail) {
    if (!hasLastSeen(entry)) {
      throw new IllegalArgumentException("an entry without a time cannot be added to");
    }
    byte[] out = Arrays.copyOf(entry, entry.length + tail.length);
    System.arraycopy(tail, 0, out, entry.length, tail.length);
    ByteBuffer.wrap(out).putLong(Integer.BYTES, lastSeen);
    return out;
  }

  static long lastSeen(byte[] entry) {
    return hasLastSeen(entry) ? ByteBuffer.wrap(entry).getLong(Integer.BYTES) : UNKNOWN;
  }

  static byte[] model(byte[] entry) {
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
    return entry.length >= HEADER && ByteBuffer.wrap(entry).getInt(0) == MARKER;
  }
}
