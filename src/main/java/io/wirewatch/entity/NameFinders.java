package io.wirewatch.entity;

import java.util.Optional;
import java.util.ServiceLoader;

/** Finds the optional {@link NameFinder} module on the class path. */
public final class NameFinders {

  private NameFinders() {}

  /**
   * The first provider {@link ServiceLoader} finds, loaded (which may take seconds), or empty when
   * no module is on the class path.
   */
  public static Optional<NameFinder> discover() {
    return ServiceLoader.load(NameFinder.class).findFirst();
  }
}
