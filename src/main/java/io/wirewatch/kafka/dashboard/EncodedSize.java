package io.wirewatch.kafka.dashboard;

/**
 * Upper bounds of the bytes a string takes in a record, counted without encoding it: enough to keep
 * a batch below a byte budget, where the broker refuses a record over its max.message.bytes.
 */
final class EncodedSize {

  private EncodedSize() {}

  /** The bytes of the string in UTF-8. */
  static int utf8(String s) {
    int bytes = 0;
    for (int i = 0; i < s.length(); i++) {
      bytes += utf8(s.charAt(i));
    }
    return bytes;
  }

  /**
   * At least the bytes of the string as a JSON string in UTF-8, quotes included: an escaped control
   * character takes six ({@code \\u0001}), a quote or backslash two.
   */
  static int json(String s) {
    int bytes = 2;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      bytes += c < 0x20 ? 6 : c == '"' || c == '\\' ? 2 : utf8(c);
    }
    return bytes;
  }

  // a surrogate pair is 4 bytes, 2 per half; a lone surrogate is written as '?' (1)
  private static int utf8(char c) {
    if (c < 0x80) {
      return 1;
    }
    return c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
  }
}
