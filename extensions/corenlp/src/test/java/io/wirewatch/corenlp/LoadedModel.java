package io.wirewatch.corenlp;

import java.nio.file.Path;

/** One loaded model for every test class in the JVM: loading takes seconds. */
public final class LoadedModel {

  /** The project root, where config/ is and ../shared beside it. */
  public static final Path ROOT = Path.of(System.getProperty("wirewatch.root", "../.."));

  private static CoreNlpNameFinder finder;

  private LoadedModel() {}

  public static synchronized CoreNlpNameFinder finder() {
    if (finder == null) {
      finder = new CoreNlpNameFinder();
    }
    return finder;
  }
}
