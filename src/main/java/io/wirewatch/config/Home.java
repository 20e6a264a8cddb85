package io.wirewatch.config;

import java.nio.file.Path;

/**
 * Where wirewatch is installed ({@code -Dwirewatch.home}, set by {@code bin/wirewatch}); relative
 * paths in the configuration resolve against it, so the command works from any directory.
 */
public final class Home {

  private Home() {}

  public static Path resolve(String path) {
    Path p = Path.of(path);
    if (p.isAbsolute()) {
      return p;
    }
    String home = System.getProperty("wirewatch.home");
    return home == null ? p : Path.of(home).resolve(p);
  }
}
