package io.wirewatch.entity;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Stable ids for names that are in no knowledge base, so the same name gets the same id everywhere.
 */
public final class EntityIds {

  private static final Pattern MARKS = Pattern.compile("\\p{M}");

  private EntityIds() {}

  /** For example {@code person:myaisha-hayes}. */
  public static String unknown(EntityType type, String name) {
    // NFKD leaves ASCII as it is and it has no marks: most names skip both steps
    String ascii =
        isAscii(name)
            ? name.toLowerCase(Locale.ROOT)
            : MARKS
                .matcher(Normalizer.normalize(name, Normalizer.Form.NFKD))
                .replaceAll("")
                .toLowerCase(Locale.ROOT);
    return prefix(type) + ":" + slug(ascii);
  }

  /** Each run of chars other than a-z and 0-9 becomes one hyphen, none at either end. */
  private static String slug(String s) {
    StringBuilder slug = new StringBuilder(s.length());
    boolean gap = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
        if (gap && slug.length() > 0) {
          slug.append('-');
        }
        gap = false;
        slug.append(c);
      } else {
        gap = true;
      }
    }
    return slug.toString();
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 128) {
        return false;
      }
    }
    return true;
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
