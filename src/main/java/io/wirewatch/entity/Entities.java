package io.wirewatch.entity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Resolves overlapping candidates and groups mentions into one entity per id. */
final class Entities {

  // longer first; on equal length known before unknown, then by start. Written out: the composed
  // comparator boxed a Boolean per comparison.
  private static final Comparator<Span> LONGEST_KNOWN_FIRST =
      (a, b) -> {
        if (a.length() != b.length()) {
          return Integer.compare(b.length(), a.length());
        }
        if (a.known() != b.known()) {
          return a.known() ? -1 : 1;
        }
        return Integer.compare(a.start(), b.start());
      };

  private Entities() {}

  private static boolean overlapsAny(Span s, List<Span> kept) {
    for (Span k : kept) {
      if (s.overlaps(k)) {
        return true;
      }
    }
    return false;
  }

  /** Keeps the longest of overlapping spans; on equal length the knowledge base wins. */
  static List<Span> resolve(List<Span> candidates) {
    List<Span> sorted = new ArrayList<>(candidates);
    sorted.sort(LONGEST_KNOWN_FIRST);
    List<Span> kept = new ArrayList<>();
    for (Span s : sorted) {
      if (!overlapsAny(s, kept)) {
        kept.add(s);
      }
    }
    kept.sort(Comparator.comparingInt(Span::start));
    return kept;
  }

  static List<TaggedEntity> group(String text, List<Span> spans, int titleLength) {
    Map<String, List<Span>> byId = new LinkedHashMap<>();
    for (Span s : spans) {
      byId.computeIfAbsent(s.id(), k -> new ArrayList<>()).add(s);
    }
    List<TaggedEntity> entities = new ArrayList<>(byId.size());
    for (List<Span> same : byId.values()) {
      List<Mention> mentions = new ArrayList<>(same.size());
      for (Span s : same) {
        mentions.add(new Mention(text.substring(s.start(), s.end()), s.start(), s.end()));
      }
      mentions = Collections.unmodifiableList(mentions); // as Stream.toList() gave it
      Span first = same.get(0);
      entities.add(
          new TaggedEntity(
              first.id(),
              first.name(),
              first.type(),
              Salience.of(mentions, titleLength),
              mentions));
    }
    return entities;
  }
}
