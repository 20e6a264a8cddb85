package io.wirewatch.dedup;

import java.util.Arrays;

/**
 * Big-endian ints and longs and 7-bit variable-length longs in a plain byte array: the layout
 * {@link java.io.DataOutputStream} writes, without its per-byte synchronized stream calls. A
 * source's boilerplate model is written out for every article of the source, and through the
 * streams this took half of the writing's time.
 */
final class ModelBytes {

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
      writeBigEndian(v, Long.BYTES);
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

    /** Seven bits a byte, low bits first; a negative value takes ten bytes. */
    void writeVarLong(long v) {
      room(10);
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
