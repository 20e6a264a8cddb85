package io.wirewatch.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What one fork of {@link DedupCpuTime} tells the JVM that started it: a line per part measured and
 * per index filled, among the lines it prints for people. Tab-separated after a marker no other
 * line starts with, so a part's name may hold spaces and the people's lines need no escaping.
 */
final class ForkReport {

  static final String PART = "#fork-part";
  static final String SETUP = "#fork-setup";

  private final Map<String, Double> medians = new LinkedHashMap<>();
  private final Map<String, Double> setupSeconds = new LinkedHashMap<>();

  /** The line a fork prints for a part's median, in µs of CPU per operation. */
  static String partLine(String part, double microseconds) {
    return String.format(Locale.ROOT, "%s\t%s\t%.4f", PART, part, microseconds);
  }

  /** The line a fork prints for how long a setup (the index of a kind) took, wall seconds. */
  static String setupLine(String what, double seconds) {
    return String.format(Locale.ROOT, "%s\t%s\t%.3f", SETUP, what, seconds);
  }

  /**
   * Takes {@code line} if it is one of the fork's report lines.
   *
   * @return whether it was; other lines are for people
   */
  boolean accept(String line) {
    Map<String, Double> into;
    if (line.startsWith(PART + "\t")) {
      into = medians;
    } else if (line.startsWith(SETUP + "\t")) {
      into = setupSeconds;
    } else {
      return false;
    }
    String[] fields = line.split("\t", -1);
    if (fields.length != 3) {
      throw new IllegalArgumentException("a fork's report line has 3 fields: " + line);
    }
    try {
      into.put(fields[1], Double.parseDouble(fields[2]));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("a fork reported no number: " + line, e);
    }
    return true;
  }

  /** Each part's median in the order measured. */
  Map<String, Double> medians() {
    return new LinkedHashMap<>(medians);
  }

  /** Wall seconds of each setup the fork timed, in the order done. */
  Map<String, Double> setupSeconds() {
    return new LinkedHashMap<>(setupSeconds);
  }
}
