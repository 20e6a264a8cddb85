package io.wirewatch.dedup;

import java.nio.charset.StandardCharsets;

/**
 * Index keys written straight into their bytes: {@code prefix + Long.toHexString(value)} and the
 * story key's {@code prefix + hex + '@' + bucket}. An article has about 75 keys, and string
 * concatenation over an intermediate hex String cost a twentieth of the fingerprint.
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

  /** {@code prefix + Long.toHexString(value) + separator + number}; ASCII prefix and separator. */
  static String hexThenNumber(String prefix, long value, char separator, long number) {
    if (number < 0) {
      return prefix + Long.toHexString(value) + separator + number;
    }
    int hexEnd = prefix.length() + hexLength(value);
    byte[] out = new byte[hexEnd + 1 + decimalLength(number)];
    copy(prefix, out);
    writeHex(value, out, hexEnd);
    out[hexEnd] = (byte) separator;
    for (int at = out.length - 1; at > hexEnd; at--) {
      out[at] = (byte) ('0' + number % 10);
      number /= 10;
    }
    return new String(out, StandardCharsets.ISO_8859_1);
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

  private static int decimalLength(long nonNegative) {
    int digits = 1;
    for (long n = nonNegative; n >= 10; n /= 10) {
      digits++;
    }
    return digits;
  }
}
