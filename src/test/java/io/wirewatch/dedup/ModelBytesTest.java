package io.wirewatch.dedup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ModelBytesTest {

  /** The layout as a plain byte-by-byte loop writes it: what models stored before hold. */
  private static void varLong(DataOutputStream out, long v) throws IOException {
    long rest = v;
    while ((rest & ~0x7FL) != 0) {
      out.writeByte((int) ((rest & 0x7F) | 0x80));
      rest >>>= 7;
    }
    out.writeByte((int) rest);
  }

  @Test
  void shouldWriteTheSameBytesAsTheByteByByteLayoutAndReadThemBack() throws IOException {
    Random random = new Random(5);
    long[] values = new long[20_000];
    for (int i = 0; i < values.length; i++) {
      // every length: values of 0 to 64 bits, negatives among them
      int bits = random.nextInt(65);
      values[i] = bits == 0 ? 0 : random.nextLong() >>> (64 - bits);
    }
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    DataOutputStream data = new DataOutputStream(expected);
    ModelBytes.Writer writer = new ModelBytes.Writer(1);
    for (int i = 0; i < values.length; i++) {
      if (i % 3 == 0) {
        data.writeLong(values[i]);
        writer.writeLong(values[i]);
      } else {
        varLong(data, values[i]);
        writer.writeVarLong(values[i]);
      }
      if (i % 7 == 0) {
        data.writeInt((int) values[i]);
        writer.writeInt((int) values[i]);
      }
    }
    byte[] written = writer.toByteArray();
    assertArrayEquals(expected.toByteArray(), written);
    ModelBytes.Reader reader = new ModelBytes.Reader(written);
    for (int i = 0; i < values.length; i++) {
      assertEquals(values[i], i % 3 == 0 ? reader.readLong() : reader.readVarLong(), "value " + i);
      if (i % 7 == 0) {
        assertEquals((int) values[i], reader.readInt());
      }
    }
    assertTrue(reader.atEnd());
  }
}
