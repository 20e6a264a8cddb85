package io.wirewatch.entity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Scores tagged entities against gold exactly as the acceptance script score.py does. */
final class EntityScorer {

  /** One gold entry: a name, its aliases and the types it may be tagged with. */
  record Gold(String name, List<String> aliases, Set<String> types) {}

  /** Required and optional gold entries of one article. */
  record GoldDoc(List<Gold> required, List<Gold> optional) {}

  int tp;
  int fp;
  int fn;
  final List<String> misses = new ArrayList<>();
  final List<String> extras = new ArrayList<>();

  void score(String docId, GoldDoc gold, List<TaggedEntity> found) {
    Set<Integer> matched = new HashSet<>();
    for (TaggedEntity e : found) {
      Set<String> names = names(e);
      String type = e.type().name();
      List<Integer> req = new ArrayList<>();
      for (int i = 0; i < gold.required().size(); i++) {
        if (matches(gold.required().get(i), names, type)) {
          req.add(i);
        }
      }
      boolean opt = gold.optional().stream().anyMatch(g -> matches(g, names, type));
      if (!req.isEmpty()) {
        matched.addAll(req);
      } else if (!opt) {
        fp++;
        extras.add(docId + ":" + e.name() + "/" + type);
      }
    }
    tp += matched.size();
    for (int i = 0; i < gold.required().size(); i++) {
      if (!matched.contains(i)) {
        fn++;
        Gold g = gold.required().get(i);
        misses.add(docId + ":" + g.name() + "/" + g.types());
      }
    }
  }

  double precision() {
    return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
  }

  double recall() {
    return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
  }

  static String norm(String s) {
    return String.join(" ", s.replace('\u2019', '\'').trim().split("\\s+"))
        .toLowerCase(Locale.ROOT);
  }

  private static Set<String> names(TaggedEntity e) {
    Set<String> names = new HashSet<>();
    names.add(norm(e.name()));
    e.mentions().forEach(m -> names.add(norm(m.text())));
    names.remove("");
    return names;
  }

  private static boolean matches(Gold g, Set<String> names, String type) {
    if (!g.types().contains(type)) {
      return false;
    }
    if (names.contains(norm(g.name()))) {
      return true;
    }
    return g.aliases().stream().anyMatch(a -> names.contains(norm(a)));
  }

  static Gold gold(Map<String, Object> json) {
    Set<String> types = new HashSet<>();
    types.add((String) json.get("type"));
    types.addAll(strings(json.get("alsoTypes")));
    return new Gold((String) json.get("name"), strings(json.get("aliases")), types);
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Object o) {
    return o == null ? List.of() : (List<String>) o;
  }
}
