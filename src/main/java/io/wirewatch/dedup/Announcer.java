package io.wirewatch.dedup;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * When a watermark is worth sending: when it changed, and again after the repeat time even when it
 * did not. The repeat is a safety net: an announcement can be lost with an aborted transaction
 * while its sender lives on, and an inbox that never heard the new value would hold its records
 * back for good; repeating bounds that to the repeat time, for one small record per partition.
 */
public final class Announcer {

  private final long repeatMillis;
  private boolean announcedAny;
  private long announced;
  private long announcedAt;

  public Announcer(Duration repeat) {
    this.repeatMillis = repeat.toMillis();
  }

  /** The watermark to send at {@code now}, or nothing. */
  public OptionalLong due(long watermark, long now) {
    if (announcedAny && watermark == announced && now - announcedAt < repeatMillis) {
      return OptionalLong.empty();
    }
    announcedAny = true;
    announced = watermark;
    announcedAt = now;
    return OptionalLong.of(watermark);
  }
}
