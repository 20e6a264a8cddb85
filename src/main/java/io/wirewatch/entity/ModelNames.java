package io.wirewatch.entity;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link NameFinder}'s names into candidates beside the knowledge base's. A name the base
 * knows keeps its link: a model name overlapping a known name is dropped unless it is longer and
 * contains it ("New York University" around the city). Names in a title-case title are left to the
 * linker, which finds them there when the body names them, because a model reads the capitals of a
 * headline as names.
 */
final class ModelNames {

  private final NameFinder finder;

  ModelNames(NameFinder finder) {
    this.finder = finder;
  }

  List<Span> find(String text, int titleLength, List<Token> tokens, List<Span> known) {
    List<Span> found = new ArrayList<>();
    for (FoundName name : finder.find(text)) {
      if (name.end() > text.length()) {
        throw new IllegalStateException(
            finder.describe() + " returned a name past the text's end: " + name);
      }
      FoundName owned = afterPossessive(text, name);
      String surface = text.substring(owned.start(), owned.end());
      if (surface.indexOf('\n') >= 0
          || owned.start() < titleLength && inHeadline(tokens, owned.start())
          || clashesWithKnown(owned, known)) {
        continue;
      }
      String canonical = surface.replaceAll("\\s+", " ");
      found.add(
          new Span(
              owned.start(),
              owned.end(),
              EntityIds.unknown(name.type(), canonical),
              canonical,
              name.type(),
              false));
    }
    return found;
  }

  // "Amazon's Black Employee Network": the owner is a name of its own, the network is the name.
  private static FoundName afterPossessive(String text, FoundName name) {
    String surface = text.substring(name.start(), name.end());
    int cut = Math.max(surface.lastIndexOf("'s "), surface.lastIndexOf("’s "));
    if (cut < 0) {
      return name;
    }
    return new FoundName(name.start() + cut + 3, name.end(), name.type());
  }

  private static boolean clashesWithKnown(FoundName name, List<Span> known) {
    for (Span k : known) {
      boolean overlaps = name.start() < k.end() && k.start() < name.end();
      boolean contains = name.start() <= k.start() && k.end() <= name.end();
      if (overlaps && !(contains && name.end() - name.start() > k.length())) {
        return true;
      }
    }
    return false;
  }

  private static boolean inHeadline(List<Token> tokens, int offset) {
    for (Token t : tokens) {
      if (t.end() > offset) {
        return t.start() <= offset && t.headline();
      }
    }
    return false;
  }
}
