package io.wirewatch.entity;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Stable ids for names that are in no knowledge base, so the same name gets the same id everywhere.
 */
public final class EntityIds {

  private EntityIds() {}

  /** For example {@code person:myaisha-hayes}. */
  public static String unknown(EntityType type, String name) {
    String ascii =
        Normalizer.normalize(name, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT);
    String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    return prefix(type) + ":" + slug;
  }

  private static String prefix(EntityType type) {
    return switch (type) {
      case PERSON -> "person";
      case ORGANIZATION -> "org";
      case LOCATION -> "loc";
      case PRODUCT -> "product";
      case EVENT -> "event";
      case MISC -> "misc";
    };
  }
}
