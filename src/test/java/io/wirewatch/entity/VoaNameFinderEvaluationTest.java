package io.wirewatch.entity;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Mention-level precision and recall of the production tagger on the annotated Voice of America
 * sentences that Apache OpenNLP ships in its test jar
 * (org.apache.opennlp:opennlp-tools:2.5.4:tests). These are general news the tagger was not built
 * on, so the figures are reported, and only a floor is asserted. The jar is read from the test
 * class path or else from the local Maven repository.
 */
class VoaNameFinderEvaluationTest {

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

  private record Labelled(EntityType type, int start, int end) {}

  @Test
  void shouldReportPersonOrganisationAndLocationScoresOnVoaSentences() throws IOException {
    List<String> docs = readDocs();
    assumeTrue(!docs.isEmpty(), "opennlp-tools tests jar not available");
    EntityTagger tagger = EntityTaggers.fromConfigDir(Path.of("config/entities"));
    int[][] counts = new int[EntityType.values().length][3]; // tp, fp, fn
    for (String doc : docs) {
      StringBuilder text = new StringBuilder();
      Set<Labelled> gold = parse(doc, text);
      Set<Labelled> found = new HashSet<>();
      for (TaggedEntity e : tagger.tag(text.toString(), 0)) {
        if (TYPES.containsValue(e.type())) {
          e.mentions().forEach(m -> found.add(new Labelled(e.type(), m.start(), m.end())));
        }
      }
      for (Labelled l : found) {
        counts[l.type().ordinal()][gold.contains(l) ? 0 : 1]++;
      }
      gold.stream().filter(l -> !found.contains(l)).forEach(l -> counts[l.type().ordinal()][2]++);
    }
    int[] all = new int[3];
    for (EntityType type : TYPES.values()) {
      int[] c = counts[type.ordinal()];
      print(type.name(), c);
      for (int i = 0; i < 3; i++) {
        all[i] += c[i];
      }
    }
    double f1 = print("ALL", all);
    assertTrue(f1 >= 0.7, "overall F1 " + f1); // measured 0.82
  }

  private static double print(String label, int[] c) {
    double p = c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
    double r = c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]);
    double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
    System.out.printf(
        Locale.ROOT,
        "voa %-12s P %.3f R %.3f F1 %.3f (tp=%d fp=%d fn=%d)%n",
        label,
        p,
        r,
        f1,
        c[0],
        c[1],
        c[2]);
    return f1;
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

  private static List<String> readDocs() throws IOException {
    List<String> docs = new ArrayList<>();
    for (String name : FILES) {
      try (InputStream in = VoaNameFinderEvaluationTest.class.getResourceAsStream("/" + name)) {
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
  }
}
