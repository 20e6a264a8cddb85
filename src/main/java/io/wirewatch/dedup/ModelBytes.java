package io.wirewatch.dedup;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Big-endian ints and longs and 7-bit variable-length longs in a plain byte array: the layout
 * {@link java.io.DataOutputStream} writes, without its per-byte synchronized stream calls. A
 * source's boilerplate model is written out for every article of the source, and through the
 * streams this took half of the writing's time.
 */
final class ModelBytes {

  private static final VarHandle BIG_ENDIAN =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LITTLE_ENDIAN =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long SEVEN_BITS = 0x7F;
  private static final long CONTINUED = 0x8080808080808080L;
  // bytes a value below 2^56 takes, by its leading zero bits: a byte per 7 bits, at least one
  private static final byte[] VAR_LENGTH = new byte[65];

  static {
    for (int zeros = 0; zeros <= 64; zeros++) {
      VAR_LENGTH[zeros] = (byte) Math.max(1, (70 - zeros) / 7);
    }
  }

  /** Appends to a growing array. */
  static final class Writer {
    private byte[] buf;
    private int size;

    Writer(int expected) {
      buf = new byte[Math.max(16, expected)];
    }

    void writeInt(int v) {
      writeBigEndian(v, Integer.BYTES);
    }

    void writeLong(long v) {
      room(Long.BYTES);
      BIG_ENDIAN.set(buf, size, v);
      size += Long.BYTES;
    }

    private void writeBigEndian(long v, int bytes) {
      room(bytes);
      for (int shift = 8 * (bytes - 1); shift >= 0; shift -= 8) {
        buf[size++] = (byte) (v >>> shift);
      }
    }

    void writeByte(int v) {
      room(1);
      buf[size++] = (byte) v;
    }

    /**
     * Seven bits a byte, low bits first; a negative value takes ten bytes. A value below 2^56
     * (every time a model writes) is spread over a long's eight bytes and stored at once, its
     * length looked up: a loop per byte mispredicted its exit at nearly every value, as times take
     * two or three bytes, and was most of writing a model whole. The spread moves the 7-bit groups
     * apart in three halvings (28, 14, then 7 bits), a dozen operations where one shift and mask
     * per group took thirty.
     */
    void writeVarLong(long v) {
      room(10);
      if (v >>> 56 == 0) {
        int length = VAR_LENGTH[Long.numberOfLeadingZeros(v)];
        long spread = (v & 0x0FFFFFFFL) | ((v & 0x00FFFFFFF0000000L) << 4);
        spread = (spread & 0x00003FFF00003FFFL) | ((spread & 0x0FFFC0000FFFC000L) << 2);
        spread = (spread & 0x007F007F007F007FL) | ((spread & 0x3F803F803F803F80L) << 1);
        // the continuation bit on every byte but the last one written
        long continued = CONTINUED & ~(-1L << (8 * (length - 1)));
        LITTLE_ENDIAN.set(buf, size, spread | continued);
        size += length;
        return;
      }
      long rest = v;
      while ((rest & ~0x7FL) != 0) {
        buf[size++] = (byte) ((rest & 0x7F) | 0x80);
        rest >>>= 7;
      }
      buf[size++] = (byte) rest;
    }

    byte[] toByteArray() {
      return Arrays.copyOf(buf, size);
    }

    private void room(int n) {
      if (size + n > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
      }
    }
  }

  /**
   * Reads what a {@link Writer} wrote; running past the end is an {@link IllegalArgumentException}.
   */
  static final class Reader {
    private final byte[] buf;
    private int pos;

    Reader(byte[] buf) {
      this.buf = buf;
    }

    int readInt() {
      return (int) readBigEndian(Integer.BYTES);
    }

    long readLong() {
      return readBigEndian(Long.BYTES);
    }

    private long readBigEndian(int bytes) {
      need(bytes);
      long v = 0;
      for (int i = 0; i < bytes; i++) {
        v = (v << 8) | (buf[pos++] & 0xFF);
      }
      return v;
    }

    int readUnsignedByte() {
      need(1);
      return buf[pos++] & 0xFF;
    }

    long readVarLong() {
      long value = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        int b = readUnsignedByte();
        value |= (long) (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          return value;
        }
      }
      throw new IllegalArgumentException("boilerplate model: a number longer than 64 bits");
    }

    /** Whether everything written has been read. */
    boolean atEnd() {
      return pos == buf.length;
    }

    private void need(int n) {
      if (pos + n > buf.length) {
        throw new IllegalArgumentException("truncated boilerplate model");
      }
    }
  }

  private ModelBytes() {}
}
