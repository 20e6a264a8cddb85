package io.wirewatch.text;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reduces the many URLs of one page to one: scheme and host case, {@code www.}/{@code m.}/{@code
 * amp.} hosts, AMP paths, tracking parameters, fragments and trailing slashes.
 */
public final class UrlCanonicalizer {

  private static final Set<String> TRACKING_PARAMETERS =
      Set.of(
          "fbclid",
          "gclid",
          "dclid",
          "msclkid",
          "mc_cid",
          "mc_eid",
          "igshid",
          "ref",
          "ref_src",
          "cmpid",
          "ncid",
          "ocid",
          "smid",
          "amp",
          "outputtype",
          "_ga",
          "yclid",
          "spm");

  private UrlCanonicalizer() {}

  /** The canonical form, or the trimmed input when it is not a parseable absolute URL. */
  public static String canonicalize(String url) {
    String trimmed = url.trim();
    try {
      URI uri = new URI(trimmed);
      if (uri.getHost() == null) {
        return trimmed;
      }
      String host = uri.getHost().toLowerCase(Locale.ROOT);
      host = stripPrefix(host, "www.");
      host = stripPrefix(host, "m.");
      host = stripPrefix(host, "amp.");
      String path = uri.getRawPath() == null ? "" : uri.getRawPath();
      path = path.replaceAll("/amp/?$", "").replaceAll("\\.amp(\\.html)?$", "$1");
      path = path.replaceAll("/amp/", "/");
      while (path.endsWith("/")) {
        path = path.substring(0, path.length() - 1);
      }
      String query = canonicalQuery(uri.getRawQuery());
      return "https://" + host + path + (query.isEmpty() ? "" : "?" + query);
    } catch (URISyntaxException e) {
      return trimmed;
    }
  }

  private static String canonicalQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    return Arrays.stream(rawQuery.split("&"))
        .filter(p -> !p.isEmpty())
        .filter(p -> !isTracking(p.split("=", 2)[0].toLowerCase(Locale.ROOT)))
        .sorted()
        .collect(Collectors.joining("&"));
  }

  private static boolean isTracking(String name) {
    return name.startsWith("utm_") || TRACKING_PARAMETERS.contains(name);
  }

  private static String stripPrefix(String host, String prefix) {
    return host.startsWith(prefix) && host.length() > prefix.length()
        ? host.substring(prefix.length())
        : host;
  }
}
