package io.wirewatch.dedup;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * What one input of a merge announces as its watermark: the greatest event time it has sent, or
 * {@link LowWatermark#IDLE} once it has had nothing to send for the idle time, so that a quiet
 * input never holds the others back for longer than that.
 *
 * <p>After a start an input waits longer before it first calls itself idle: a restarted task may
 * take a while to fetch its backlog, and calling itself idle then would let the others run ahead of
 * records it is about to send. It waits as long when its latest record came more than the idle time
 * after it was written: the input is working through a backlog, and a quiet spell then means a busy
 * stream thread, not an empty partition. On a loaded machine a raw partition with a backlog went
 * 750 ms without a record, called itself idle, and 111 of one source's articles behind it were
 * fingerprinted after later ones (see the README's Guarantees).
 */
public final class InputProgress {

  private static final long NOTHING = Long.MIN_VALUE;

  private final long idleMillis;
  private final long startupMillis;
  private long greatest = NOTHING;
  private long lastRecordAt;
  private boolean recordSinceStart;
  private boolean behind;
  private final Announcer announcer;

  /**
   * @param idle how long without a record makes the input idle
   * @param startup the same before the first record since {@code startedAt}
   */
  public InputProgress(Duration idle, Duration startup, long startedAt) {
    this.idleMillis = idle.toMillis();
    this.startupMillis = startup.toMillis();
    this.lastRecordAt = startedAt;
    this.announcer = new Announcer();
  }

  /**
   * A record with this event time, written to its partition at wall-clock time {@code writtenAt},
   * was sent on at wall-clock time {@code now}.
   */
  public void sent(long eventTime, long writtenAt, long now) {
    greatest = Math.max(greatest, eventTime);
    lastRecordAt = now;
    recordSinceStart = true;
    behind = now - writtenAt > idleMillis;
  }

  /** The watermark to announce at {@code now}, when it differs from the last one announced. */
  public OptionalLong due(long now) {
    long quietFor = recordSinceStart && !behind ? idleMillis : startupMillis;
    long current = now - lastRecordAt >= quietFor ? LowWatermark.IDLE : greatest;
    return current == NOTHING ? OptionalLong.empty() : announcer.due(current);
  }
}
