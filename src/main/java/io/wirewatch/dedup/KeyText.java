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
    byte[] out = new byte[prefix.length() + hexLength(value)];
    int at = copy(prefix, out);
    writeHex(value, out, at + hexLength(value));
    return new String(out, StandardCharsets.ISO_8859_1);
  }

  /**
   * {@code prefix + Long.toHexString(value) + separator + number} with the number's digits given by
   * {@link #decimal}: an article's story keys all end in one of two buckets, so their digits are
   * written once rather than with a long division per digit per key.
   */
  static String hexThenDigits(String prefix, long value, char separator, byte[] digits) {
    int hexEnd = prefix.length() + hexLength(value);
    byte[] out = new byte[hexEnd + 1 + digits.length];
    copy(prefix, out);
    writeHex(value, out, hexEnd);
    out[hexEnd] = (byte) separator;
    System.arraycopy(digits, 0, out, hexEnd + 1, digits.length);
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
