package io.wirewatch.dedup;

import java.util.HashMap;
import java.util.Map;

/**
 * The event time every input of a merge has passed: the least of the latest watermarks its inputs
 * announced. An input announces the greatest event time it has sent, so (its records being in
 * event-time order) everything it sends later is at that time or after; an input that has nothing
 * to send announces {@link #IDLE} and holds nothing back until it announces a time again.
 *
 * <p>A record is let through only when its time is strictly below the low watermark, so records of
 * equal time are all in before any of them goes, and they can be taken in id order.
 */
public final class LowWatermark {

  /** What an input with nothing to send announces. */
  public static final long IDLE = Long.MAX_VALUE;

  private final Map<Integer, Long> byInput = new HashMap<>();
  private long low = IDLE;

  /**
   * Takes an input's latest announcement. The latest wins, even when lower: an idle input that
   * sends again holds the merge back from its new time on.
   */
  public void announce(int input, long watermark) {
    Long before = byInput.put(input, watermark);
    if (before != null && before == watermark) {
      return;
    }
    long least = IDLE;
    for (long w : byInput.values()) {
      least = Math.min(least, w);
    }
    low = least;
  }

  /** The least announced watermark; {@link #IDLE} when no input holds anything back. */
  public long value() {
    return low;
  }

  /** Whether every input has passed this event time, so no earlier record can still come. */
  public boolean passed(long eventTime) {
    return eventTime < low;
  }
}
