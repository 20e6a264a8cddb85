package io.wirewatch.dedup;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An article body's lines (split at {@code '\n'}, as {@code body.split("\n", -1)} has them) with
 * their {@link LineHash}es, read from one copy of the body's chars: splitting the body into strings
 * and reading each one's chars again cost a quarter of the boilerplate step.
 *
 * <p>Not thread-safe, and reused: each {@link #read} replaces the lines of the body before.
 */
final class BodyLines {

  private final LineHash lineHash = new LineHash();
  private char[] chars = new char[4096];
  // the body's bytes when it is all ASCII, else null
  private byte[] ascii;
  private String body = "";
  private int count;
  private int[] starts = new int[128];
  private int[] ends = new int[128];
  private long[] hashes = new long[128];
  private boolean[] text = new boolean[128];

  /** Splits and hashes {@code body}. */
  void read(String body) {
    this.body = body;
    int length = body.length();
    // ASCII exactly when its UTF-8 form is as long (a vectorised copy when it is) and each '?' in
    // it was one: the encoder writes a lone surrogate as '?', one byte for one char
    byte[] utf8 = body.getBytes(StandardCharsets.UTF_8);
    ascii = utf8.length == length && questionMarksAreOwn(utf8, body) ? utf8 : null;
    if (ascii == null) {
      if (length > chars.length) {
        chars = new char[Math.max(length, chars.length * 2)];
      }
      body.getChars(0, length, chars, 0);
    }
    count = 0;
    int from = 0;
    while (true) {
      int newline = body.indexOf('\n', from);
      int end = newline < 0 ? length : newline;
      add(from, end);
      if (newline < 0) {
        return;
      }
      from = newline + 1;
    }
  }

  private void add(int start, int end) {
    if (count == starts.length) {
      int grown = count * 2;
      starts = Arrays.copyOf(starts, grown);
      ends = Arrays.copyOf(ends, grown);
      hashes = Arrays.copyOf(hashes, grown);
      text = Arrays.copyOf(text, grown);
    }
    starts[count] = start;
    ends[count] = end;
    long simple =
        ascii != null
            ? AsciiLineHash.hash(ascii, start, end)
            : LineHash.hashSimple(chars, start, end);
    if (simple != LineHash.NOT_SIMPLE) {
      text[count] = true;
      hashes[count] = simple;
    } else if (start == end) {
      // an empty line (one in every paragraph break) has no text
      text[count] = false;
      hashes[count] = 0;
    } else {
      Long hash = lineHash.of(body.substring(start, end));
      text[count] = hash != null;
      hashes[count] = hash == null ? 0 : hash;
    }
    count++;
  }

  int count() {
    return count;
  }

  /** Whether line {@code i} has text, and so a hash. */
  boolean hasText(int i) {
    return text[i];
  }

  long hash(int i) {
    return hashes[i];
  }

  /**
   * The body without the lines {@code dropped} says, the others joined by {@code '\n'}: copied from
   * the body a run of kept lines at a time (usually one run, as boilerplate tends to sit at the end
   * or the start), since a copy per line cost more than the rest of the strip.
   */
  String without(boolean[] dropped) {
    StringBuilder out = null;
    int i = 0;
    while (i < count) {
      if (dropped[i]) {
        i++;
        continue;
      }
      int first = i;
      while (i < count && !dropped[i]) {
        i++;
      }
      int start = starts[first];
      int end = ends[i - 1];
      if (out == null && !anyKeptFrom(i, dropped)) {
        return body.substring(start, end);
      }
      if (out == null) {
        out = new StringBuilder(body.length());
      } else {
        out.append('\n');
      }
      out.append(body, start, end);
    }
    return out == null ? "" : out.toString();
  }

  private boolean anyKeptFrom(int from, boolean[] dropped) {
    for (int i = from; i < count; i++) {
      if (!dropped[i]) {
        return true;
      }
    }
    return false;
  }

  private static boolean questionMarksAreOwn(byte[] utf8, String body) {
    for (int i = 0; i < utf8.length; i++) {
      if (utf8[i] == '?' && body.charAt(i) != '?') {
        return false;
      }
    }
    return true;
  }
}
