package io.wirewatch.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The arguments of {@code bin/bench-dedup cpu [seconds] [--forks N] [--only whole|step|all] [--json
 * FILE]}. Without {@code --forks} the bench runs in the one JVM it was started in, as it always
 * did; with it, that JVM only starts {@code N} others one after the other and sums up their figures
 * ({@link ForkedCpuTime}). {@code --fork-child} is how those others are started, not for people.
 *
 * @param seconds of each measured or warm-up round
 * @param forks JVMs to run one after the other; 0 to measure in this JVM
 * @param only which parts to measure
 * @param json where to write the forks' summary, if anywhere
 * @param forkChild whether this JVM is one of the forks, reporting to the JVM that started it
 */
public record CpuBenchOptions(
    double seconds, int forks, CpuParts only, Optional<Path> json, boolean forkChild) {

  static final double DEFAULT_SECONDS = 3;
  static final String USAGE =
      "usage: bin/bench-dedup cpu [seconds] [--forks N] [--only whole|step|all] [--json FILE]";

  public CpuBenchOptions {
    if (!(seconds > 0) || Double.isInfinite(seconds)) {
      throw new IllegalArgumentException("seconds per round must be a positive number: " + seconds);
    }
    if (forks < 0) {
      throw new IllegalArgumentException("--forks must be at least 1: " + forks);
    }
    if (json.isPresent() && forks == 0) {
      throw new IllegalArgumentException("--json sums up forks: give --forks N too");
    }
    // checked before the forks' minutes, not when the summary is written; bin/bench-dedup runs
    // from the repository's root, so a relative path is relative to it
    Path parent = json.map(p -> p.toAbsolutePath().getParent()).orElse(null);
    if (parent != null && !Files.isDirectory(parent)) {
      throw new IllegalArgumentException(
          "--json: no directory "
              + parent
              + " (a relative path is relative to the repository's root)");
    }
    if (forkChild && forks > 0) {
      throw new IllegalArgumentException("a fork does not start forks of its own");
    }
  }

  /** Parses the arguments after {@code cpu}; an unknown or incomplete flag is refused by name. */
  public static CpuBenchOptions parse(List<String> args) {
    Double seconds = null;
    Integer forks = null;
    CpuParts only = null;
    Path json = null;
    boolean forkChild = false;
    List<String> rest = new ArrayList<>(args);
    while (!rest.isEmpty()) {
      String arg = rest.remove(0);
      switch (arg) {
        case "--forks" -> forks = once(forks, arg, forkCount(value(rest, arg)));
        case "--only" -> only = once(only, arg, CpuParts.named(value(rest, arg)));
        case "--json" -> json = once(json, arg, Path.of(value(rest, arg)));
        case "--fork-child" -> forkChild = true;
        default -> {
          if (arg.startsWith("-") && !isNumber(arg)) {
            throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
          }
          seconds = once(seconds, "seconds", number(arg));
        }
      }
    }
    return new CpuBenchOptions(
        seconds == null ? DEFAULT_SECONDS : seconds,
        forks == null ? 0 : forks,
        only == null ? CpuParts.ALL : only,
        Optional.ofNullable(json),
        forkChild);
  }

  /** The arguments a fork is started with: this run's rounds and parts, and nothing to write. */
  List<String> forkArguments() {
    return List.of(
        "--fork-child", String.format(Locale.ROOT, "%s", seconds), "--only", only.flag());
  }

  private static <T> T once(T before, String name, T value) {
    if (before != null) {
      throw new IllegalArgumentException(name + " given twice\n" + USAGE);
    }
    return value;
  }

  private static String value(List<String> rest, String flag) {
    if (rest.isEmpty() || rest.get(0).startsWith("--")) {
      throw new IllegalArgumentException(flag + " needs a value\n" + USAGE);
    }
    return rest.remove(0);
  }

  private static int forkCount(String text) {
    try {
      int n = Integer.parseInt(text);
      if (n < 1) {
        throw new IllegalArgumentException("--forks must be at least 1: " + text);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--forks takes a whole number: " + text, e);
    }
  }

  private static double number(String text) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "seconds per round must be a number, not " + text + "\n" + USAGE, e);
    }
  }

  private static boolean isNumber(String text) {
    try {
      Double.parseDouble(text);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
