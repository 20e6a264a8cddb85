package io.wirewatch.dedup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the texts of Weka's Reuters-21578 ARFF examples: one {@code 'quoted text',label} record per
 * instance, with backslash escapes. Only the train files may be used; the test files are reserved.
 */
public final class ReutersArff {

  static final Path DIRECTORY = Path.of("/usr/share/doc/weka/examples");
  public static final Path CORN_TRAIN = DIRECTORY.resolve("ReutersCorn-train.arff");
  static final Path GRAIN_TRAIN = DIRECTORY.resolve("ReutersGrain-train.arff");

  private ReutersArff() {}

  public static List<String> texts(Path arff) throws IOException {
    String content = Files.readString(arff, StandardCharsets.UTF_8);
    int data = content.indexOf("@data");
    if (data < 0) {
      throw new IOException(arff + " has no @data section");
    }
    List<String> texts = new ArrayList<>();
    int pos = data;
    while ((pos = content.indexOf('\'', pos)) >= 0) {
      StringBuilder text = new StringBuilder();
      pos++;
      for (char c = content.charAt(pos++); c != '\''; c = content.charAt(pos++)) {
        if (c == '\\') {
          char escaped = content.charAt(pos++);
          text.append(escaped == 'n' ? '\n' : escaped == 't' ? '\t' : escaped);
        } else {
          text.append(c);
        }
      }
      texts.add(text.toString());
      pos = content.indexOf('\n', pos);
      if (pos < 0) {
        break;
      }
    }
    return texts;
  }
}
