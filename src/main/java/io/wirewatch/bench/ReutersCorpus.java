package io.wirewatch.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Real newswire text: the Reuters-21578 stories that Debian's {@code weka} package ships as ARFF
 * examples. Only the TRAIN files are read; the two hold largely the same stories (labelled for corn
 * and for grain), so texts are de-duplicated.
 */
public final class ReutersCorpus {

  public static final List<Path> DEFAULT_FILES =
      List.of(
          Path.of("/usr/share/doc/weka/examples/ReutersCorn-train.arff"),
          Path.of("/usr/share/doc/weka/examples/ReutersGrain-train.arff"));

  private ReutersCorpus() {}

  /** The distinct story texts, in file order. */
  public static List<String> load(List<Path> files) {
    Set<String> texts = new LinkedHashSet<>();
    for (Path f : files) {
      try {
        texts.addAll(parse(Files.readAllLines(f, StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + f + " (is Debian's weka installed?)", e);
      }
    }
    return List.copyOf(texts);
  }

  public static List<String> load() {
    return load(DEFAULT_FILES);
  }

  /** The string attribute of each data line: {@code 'text with \n escapes',class}. */
  static List<String> parse(List<String> lines) {
    List<String> out = new ArrayList<>();
    boolean data = false;
    for (String line : lines) {
      if (!data) {
        data = line.trim().equalsIgnoreCase("@data");
        continue;
      }
      if (line.startsWith("'")) {
        String text = unquote(line);
        if (!text.isBlank()) {
          out.add(text);
        }
      }
    }
    return out;
  }

  private static String unquote(String line) {
    StringBuilder sb = new StringBuilder(line.length());
    for (int i = 1; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\'') {
        break;
      }
      if (c == '\\' && i + 1 < line.length()) {
        char n = line.charAt(++i);
        sb.append(n == 'n' ? '\n' : n == 't' ? '\t' : n == 'r' ? '\r' : n);
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
