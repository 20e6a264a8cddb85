package io.wirewatch.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A built checkout's classes and libraries in a class loader of their own, for side-by-side runs.
 */
final class CheckoutClassLoader {

  private CheckoutClassLoader() {}

  /** {@code target/classes} and every jar in {@code target/lib} of a checkout built with Maven. */
  static ClassLoader of(Path checkout) {
    List<URL> urls = new ArrayList<>();
    try {
      urls.add(checkout.resolve("target/classes").toUri().toURL());
      try (DirectoryStream<Path> jars = Files.newDirectoryStream(checkout.resolve("target/lib"))) {
        for (Path jar : jars) {
          urls.add(jar.toUri().toURL());
        }
      }
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // the platform loader as parent: neither build sees this JVM's copy of wirewatch or Lucene
    return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
  }
}
