package io.wirewatch.entity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.zip.ZipFile;

/**
 * Mention-level precision and recall on the annotated Voice of America sentences that Apache
 * OpenNLP ships in its test jar (org.apache.opennlp:opennlp-tools:2.5.4:tests): a mention counts
 * when its type and exact offsets match the annotation. Public, and shipped in the test jar, so the
 * optional name-finder module scores itself the same way.
 */
public final class VoaEvaluation {

  private static final List<String> FILES =
      List.of("opennlp/tools/namefind/voa1.train", "opennlp/tools/namefind/voa2.train");
  private static final Path JAR =
      Path.of(
          System.getProperty("user.home"),
          ".m2/repository/org/apache/opennlp/opennlp-tools/2.5.4/opennlp-tools-2.5.4-tests.jar");
  private static final Map<String, EntityType> TYPES =
      Map.of(
          "person", EntityType.PERSON,
          "organization", EntityType.ORGANIZATION,
          "location", EntityType.LOCATION);

  /** A typed span of the evaluation text. */
  public record Labelled(EntityType type, int start, int end) {}

  /** One file of sentences: its plain text (one sentence a line) and its annotations. */
  public record Doc(String text, Set<Labelled> gold) {}

  /** True positives, false positives and false negatives for each type. */
  public static final class Scores {
    private final Map<EntityType, int[]> counts = new EnumMap<>(EntityType.class);
    private final List<String> errors = new ArrayList<>();

    void add(EntityType type, int which) {
      counts.computeIfAbsent(type, t -> new int[3])[which]++;
    }

    /** F1 over the three types together. */
    public double f1() {
      return f1(total());
    }

    public double f1(EntityType type) {
      return f1(counts.getOrDefault(type, new int[3]));
    }

    /** Spurious ("+") and missed ("-") mentions, e.g. {@code - LOCATION "U . S ."}. */
    public List<String> errors() {
      return List.copyOf(errors);
    }

    /** One line a type, then the total, as the README quotes them, then the errors. */
    public void print(String label) {
      for (EntityType type : TYPES.values().stream().sorted().toList()) {
        print(label, type.name(), counts.getOrDefault(type, new int[3]));
      }
      print(label, "ALL", total());
      System.out.println("voa " + label + " errors: " + errors);
    }

    private int[] total() {
      int[] all = new int[3];
      for (int[] c : counts.values()) {
        for (int i = 0; i < 3; i++) {
          all[i] += c[i];
        }
      }
      return all;
    }

    private static double f1(int[] c) {
      double p = c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
      double r = c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]);
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    private static void print(String label, String type, int[] c) {
      double p = c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
      double r = c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]);
      System.out.printf(
          Locale.ROOT,
          "voa %-24s %-12s P %.3f R %.3f F1 %.3f (tp=%d fp=%d fn=%d)%n",
          label,
          type,
          p,
          r,
          f1(c),
          c[0],
          c[1],
          c[2]);
    }
  }

  private VoaEvaluation() {}

  /** The two files, or an empty list when the OpenNLP test jar is not to be found. */
  public static List<Doc> docs() {
    List<Doc> docs = new ArrayList<>();
    for (String raw : readFiles()) {
      StringBuilder text = new StringBuilder();
      Set<Labelled> gold = parse(raw, text);
      docs.add(new Doc(text.toString(), gold));
    }
    return docs;
  }

  /** Scores a tagger's mentions. */
  public static Scores score(List<Doc> docs, EntityTagger tagger) {
    return scoreSpans(
        docs,
        text -> {
          List<Labelled> found = new ArrayList<>();
          for (TaggedEntity e : tagger.tag(text, 0)) {
            e.mentions().forEach(m -> found.add(new Labelled(e.type(), m.start(), m.end())));
          }
          return found;
        });
  }

  /** Scores a name finder on its own. */
  public static Scores score(List<Doc> docs, NameFinder finder) {
    return scoreSpans(
        docs,
        text ->
            finder.find(text).stream()
                .map(n -> new Labelled(n.type(), n.start(), n.end()))
                .toList());
  }

  private static Scores scoreSpans(List<Doc> docs, Function<String, List<Labelled>> finder) {
    Scores scores = new Scores();
    for (Doc doc : docs) {
      Set<Labelled> found = new HashSet<>();
      for (Labelled l : finder.apply(doc.text())) {
        if (TYPES.containsValue(l.type())) {
          found.add(l);
        }
      }
      for (Labelled l : found) {
        boolean right = doc.gold().contains(l);
        scores.add(l.type(), right ? 0 : 1);
        if (!right) {
          scores.errors.add(
              "+ " + l.type() + " \"" + doc.text().substring(l.start(), l.end()) + "\"");
        }
      }
      for (Labelled l : doc.gold()) {
        if (!found.contains(l)) {
          scores.add(l.type(), 2);
          scores.errors.add(
              "- " + l.type() + " \"" + doc.text().substring(l.start(), l.end()) + "\"");
        }
      }
    }
    return scores;
  }

  // "<START:person> Barack Obama <END> has arrived": text gets the words, gold gets typed spans.
  private static Set<Labelled> parse(String doc, StringBuilder text) {
    Set<Labelled> gold = new HashSet<>();
    for (String line : doc.split("\n")) {
      String type = null;
      int start = -1;
      for (String token : line.trim().split(" +")) {
        if (token.startsWith("<START:")) {
          type = token.substring(7, token.length() - 1);
          start = text.length();
        } else if (token.equals("<END>")) {
          int end = text.length() - 1;
          if (TYPES.containsKey(type)) {
            gold.add(new Labelled(TYPES.get(type), start, end));
          }
          type = null;
        } else if (!token.isEmpty()) {
          text.append(token).append(' ');
        }
      }
      text.append('\n');
    }
    return gold;
  }

  private static List<String> readFiles() {
    try {
      List<String> docs = new ArrayList<>();
      for (String name : FILES) {
        try (InputStream in = VoaEvaluation.class.getResourceAsStream("/" + name)) {
          if (in != null) {
            docs.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
          }
        }
      }
      if (docs.isEmpty() && Files.isRegularFile(JAR)) {
        try (ZipFile zip = new ZipFile(JAR.toFile())) {
          for (String name : FILES) {
            try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
              docs.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
          }
        }
      }
      return docs;
    } catch (IOException e) {
      throw new UncheckedIOException("can't read the VOA sentences", e);
    }
  }
}
