package io.wirewatch.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyTextTest {

  @Test
  void shouldWriteWhatConcatenationWrites() {
    Random random = new Random(9);
    byte[] buffer = KeyText.buffer("s:", 20);
    long[] special = {0, 1, 15, 16, -1, Long.MIN_VALUE, Long.MAX_VALUE, 0xFFFL, 0x1000L};
    for (int i = 0; i < 20_000; i++) {
      long value = i < special.length ? special[i] : random.nextLong() >>> random.nextInt(64);
      long number =
          i < special.length
              ? special[special.length - 1 - i]
              : random.nextLong() >>> random.nextInt(64);
      assertEquals("p:" + Long.toHexString(value), KeyText.hex("p:", value));
      assertEquals(
          "s:" + Long.toHexString(value) + '@' + number,
          KeyText.hexThenDigits("s:", value, '@', KeyText.decimal(number)));
      assertEquals(
          "s:" + Long.toHexString(value) + '@' + -number,
          KeyText.hexThenDigits("s:", value, '@', KeyText.decimal(-number)));
      // one buffer reused from key to key, as an article's keys are written
      assertEquals("p:" + Long.toHexString(value), KeyText.hex("p:", value, buffer));
      assertEquals(
          "s:" + Long.toHexString(value) + '@' + -number,
          KeyText.hexThenDigits("s:", value, '@', KeyText.decimal(-number), buffer));
      assertEquals(
          String.format("x:%016x%016x", value, number), KeyText.hex128("x:", value, number));
    }
  }
}
