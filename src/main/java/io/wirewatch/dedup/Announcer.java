package io.wirewatch.dedup;

import java.util.OptionalLong;

/**
 * When a watermark is worth sending: the first time, and when it changed. A sender makes a new one
 * whenever its task is (re)initialised, which Kafka Streams does after every aborted transaction,
 * so a watermark lost with one is sent again; an unchanged one is never repeated, and a quiet
 * pipeline writes nothing.
 */
public final class Announcer {

  private boolean announcedAny;
  private long announced;

  /** The watermark to send, or nothing. */
  public OptionalLong due(long watermark) {
    if (announcedAny && watermark == announced) {
      return OptionalLong.empty();
    }
    announcedAny = true;
    announced = watermark;
    return OptionalLong.of(watermark);
  }
}
