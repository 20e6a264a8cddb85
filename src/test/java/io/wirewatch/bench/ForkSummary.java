package io.wirewatch.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The figures of several forks of {@link DedupCpuTime}, each part's median over forks: one JVM's
 * figure moved by up to 43 µs between runs of one build in the eleventh session (the machine's own
 * speed, and how each JVM compiled and laid out the code), so it is the spread over JVMs that says
 * what the code costs. Each {@code wholeArticle} part is also given as a ratio to the unchanged
 * first fingerprinter of the same fork, which cancels most of the machine's drift between forks.
 *
 * @param parts each part's medians, one per fork in the order run, in the order measured
 * @param ratios each whole article's ratio to the reference, one per fork
 */
public record ForkSummary(Map<String, Spread> parts, Map<String, Spread> ratios) {

  static final String UNIT = "µs CPU/op";

  public ForkSummary {
    parts = Collections.unmodifiableMap(new LinkedHashMap<>(parts));
    ratios = Collections.unmodifiableMap(new LinkedHashMap<>(ratios));
  }

  /**
   * Sums up the forks' medians.
   *
   * @param forks each fork's part medians, in the order the forks ran; all must name the same parts
   */
  static ForkSummary of(List<Map<String, Double>> forks) {
    if (forks.isEmpty()) {
      throw new IllegalArgumentException("no fork reported");
    }
    List<String> names = List.copyOf(forks.get(0).keySet());
    for (int f = 1; f < forks.size(); f++) {
      if (!List.copyOf(forks.get(f).keySet()).equals(names)) {
        throw new IllegalArgumentException(
            "fork " + (f + 1) + " measured " + forks.get(f).keySet() + ", fork 1 " + names);
      }
    }
    Map<String, Spread> parts = new LinkedHashMap<>();
    for (String name : names) {
      parts.put(name, new Spread(forks.stream().map(fork -> fork.get(name)).toList()));
    }
    Map<String, Spread> ratios = new LinkedHashMap<>();
    if (names.contains(CpuParts.REFERENCE)) {
      for (String name : names) {
        if (name.startsWith(CpuParts.WHOLE_ARTICLE)) {
          ratios.put(
              ratioName(name),
              new Spread(
                  forks.stream()
                      .map(fork -> fork.get(name) / fork.get(CpuParts.REFERENCE))
                      .toList()));
        }
      }
    }
    return new ForkSummary(parts, ratios);
  }

  static String ratioName(String part) {
    return part + " / " + CpuParts.REFERENCE;
  }

  /** The summary as printed: median, lowest and highest over forks, then each fork's figure. */
  List<String> table() {
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            Locale.ROOT,
            "%-42s %8s %8s %8s   each fork, in the order run (%s)",
            "median over forks",
            "median",
            "min",
            "max",
            UNIT));
    parts.forEach((name, spread) -> lines.add(row(name, spread, 1)));
    ratios.forEach((name, spread) -> lines.add(row(name, spread, 3)));
    return lines;
  }

  private static String row(String name, Spread spread, int decimals) {
    String one = "%." + decimals + "f";
    String column = "%8." + decimals + "f";
    String each =
        spread.values().stream()
            .map(v -> String.format(Locale.ROOT, one, v))
            .collect(Collectors.joining(" "));
    return String.format(
        Locale.ROOT,
        "%-42s " + column + " " + column + " " + column + "   %s",
        name,
        spread.median(),
        spread.min(),
        spread.max(),
        each);
  }
}
