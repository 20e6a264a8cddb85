package io.wirewatch.dedup;

import java.nio.charset.StandardCharsets;

/**
 * Index keys written straight into their bytes: {@code prefix + Long.toHexString(value)} and the
 * story key's {@code prefix + hex + '@' + bucket}. An article has about 75 keys; building them by
 * concatenation over an intermediate hex String showed as several percent of the fingerprint in
 * profiles.
 */
final class KeyText {

  private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private KeyText() {}

  /** {@code prefix + Long.toHexString(value)}; the prefix is ASCII. */
  static String hex(String prefix, long value) {
    return hex(prefix, value, new byte[prefix.length() + 16]);
  }

  /**
   * {@link #hex(String, long)} written in {@code buffer}, which the caller reuses for all the keys
   * of an article: a key then costs one array (the String's own) instead of two.
   */
  static String hex(String prefix, long value, byte[] buffer) {
    int end = copy(prefix, buffer) + hexLength(value);
    writeHex(value, buffer, end);
    return new String(buffer, 0, end, StandardCharsets.ISO_8859_1);
  }

  /**
   * {@code prefix + Long.toHexString(value) + separator + number} with the number's digits given by
   * {@link #decimal}: an article's story keys all end in one of two buckets, so their digits are
   * written once rather than with a long division per digit per key.
   */
  static String hexThenDigits(String prefix, long value, char separator, byte[] digits) {
    return hexThenDigits(
        prefix, value, separator, digits, new byte[prefix.length() + 17 + digits.length]);
  }

  /** {@link #hexThenDigits(String, long, char, byte[])} written in a reused {@code buffer}. */
  static String hexThenDigits(
      String prefix, long value, char separator, byte[] digits, byte[] buffer) {
    int hexEnd = copy(prefix, buffer) + hexLength(value);
    writeHex(value, buffer, hexEnd);
    buffer[hexEnd] = (byte) separator;
    System.arraycopy(digits, 0, buffer, hexEnd + 1, digits.length);
    return new String(buffer, 0, hexEnd + 1 + digits.length, StandardCharsets.ISO_8859_1);
  }

  /**
   * A buffer for the keys of {@code prefix} of at most {@code digits} decimal digits after the hex,
   * to pass to {@link #hex(String, long, byte[])} and {@link #hexThenDigits(String, long, char,
   * byte[], byte[])}.
   */
  static byte[] buffer(String prefix, int digits) {
    return new byte[prefix.length() + 17 + digits];
  }

  /**
   * {@code prefix} and both values as 16 hex digits each, leading zeros kept ({@code
   * String.format("%016x%016x", first, second)}).
   */
  static String hex128(String prefix, long first, long second) {
    byte[] out = new byte[prefix.length() + 32];
    int at = copy(prefix, out);
    for (int i = 0; i < 16; i++) {
      out[at + i] = HEX_DIGITS[(int) (first >>> (60 - 4 * i)) & 0xF];
      out[at + 16 + i] = HEX_DIGITS[(int) (second >>> (60 - 4 * i)) & 0xF];
    }
    return new String(out, StandardCharsets.ISO_8859_1);
  }

  /** The ASCII digits of {@code Long.toString(number)}, for {@link #hexThenDigits}. */
  static byte[] decimal(long number) {
    return Long.toString(number).getBytes(StandardCharsets.US_ASCII);
  }

  private static int copy(String ascii, byte[] out) {
    for (int i = 0; i < ascii.length(); i++) {
      out[i] = (byte) ascii.charAt(i);
    }
    return ascii.length();
  }

  /** As many hex digits as {@link Long#toHexString} writes: no leading zeros, "0" for 0. */
  private static int hexLength(long value) {
    return Math.max(1, (64 - Long.numberOfLeadingZeros(value) + 3) / 4);
  }

  private static void writeHex(long value, byte[] out, int end) {
    int at = end;
    do {
      out[--at] = HEX_DIGITS[(int) value & 0xF];
      value >>>= 4;
    } while (value != 0);
  }
}
