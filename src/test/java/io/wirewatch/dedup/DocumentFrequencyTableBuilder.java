package io.wirewatch.dedup;

import io.wirewatch.text.TextNormalizer;
import io.wirewatch.text.WordTokenizer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds {@code config/dedup/document-frequencies.tsv} from the Reuters train texts that Debian's
 * weka package ships. Words seen in one document only are left out: the table treats them as
 * unseen, which changes their weight very little. Run from the repository root:
 *
 * <pre>java -cp target/classes:target/test-classes io.wirewatch.dedup.DocumentFrequencyTableBuilder
 * </pre>
 */
final class DocumentFrequencyTableBuilder {

  private DocumentFrequencyTableBuilder() {}

  public static void main(String[] args) throws Exception {
    List<String> texts = ReutersArff.texts(ReutersArff.CORN_TRAIN);
    Map<String, Integer> counts = new HashMap<>();
    for (String text : texts) {
      Set<String> words = new HashSet<>(WordTokenizer.words(TextNormalizer.normalize(text)));
      words.removeIf(w -> w.chars().anyMatch(Character::isDigit));
      words.forEach(w -> counts.merge(w, 1, Integer::sum));
    }
    counts.values().removeIf(df -> df < 2);
    Path out = args.length > 0 ? Path.of(args[0]) : DocumentFrequencies.DEFAULT_TABLE;
    Files.writeString(
        out, new DocumentFrequencies(texts.size(), counts).toTsv(), StandardCharsets.UTF_8);
    System.out.println(counts.size() + " words from " + texts.size() + " documents -> " + out);
  }
}
