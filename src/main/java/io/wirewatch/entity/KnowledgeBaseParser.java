package io.wirewatch.entity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads the knowledge-base text format: one entity per line, tab-separated {@code id, TYPE, name,
 * aliases (|-separated), context words (|-separated)}; blank lines and lines starting with # are
 * skipped.
 */
public final class KnowledgeBaseParser {

  private KnowledgeBaseParser() {}

  public static List<KnowledgeBaseEntry> parse(List<String> lines) {
    List<KnowledgeBaseEntry> entries = new ArrayList<>();
    int lineNumber = 0;
    for (String line : lines) {
      lineNumber++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t", -1);
      if (cols.length < 3) {
        throw new IllegalArgumentException(
            "line " + lineNumber + ": expected id, type and name separated by tabs");
      }
      EntityType type = EntityType.valueOf(cols[1].trim().toUpperCase(Locale.ROOT));
      entries.add(
          new KnowledgeBaseEntry(
              cols[0].trim(), type, cols[2].trim(), list(cols, 3), list(cols, 4)));
    }
    return entries;
  }

  private static List<String> list(String[] cols, int index) {
    if (cols.length <= index || cols[index].isBlank()) {
      return List.of();
    }
    return Arrays.stream(cols[index].split("\\|"))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .toList();
  }
}
