package io.wirewatch.http;

import com.sun.net.httpserver.HttpExchange;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Who may do what: changing rules needs the API token; reading needs the read token when one is
 * configured (the API token reads too). EventSource cannot send headers, so reads also accept an
 * {@code access_token} query parameter.
 */
final class Access {

  private final String apiToken;
  private final String readToken;

  Access(String apiToken, String readToken) {
    this.apiToken = apiToken;
    this.readToken = readToken;
  }

  boolean canWrite(HttpExchange ex) {
    return matches(bearer(ex), apiToken);
  }

  boolean canRead(HttpExchange ex) {
    if (readToken.isBlank()) {
      return true;
    }
    String given = bearer(ex);
    if (given.isEmpty()) {
      given = queryToken(ex);
    }
    return matches(given, readToken) || matches(given, apiToken);
  }

  /** The token a forwarded request should carry, so the owner instance lets it read too. */
  static String presented(HttpExchange ex) {
    String given = bearer(ex);
    return given.isEmpty() ? queryToken(ex) : given;
  }

  private static String bearer(HttpExchange ex) {
    String header = ex.getRequestHeaders().getFirst("Authorization");
    return header != null && header.startsWith("Bearer ") ? header.substring(7).trim() : "";
  }

  private static String queryToken(HttpExchange ex) {
    String query = ex.getRequestURI().getRawQuery();
    if (query == null) {
      return "";
    }
    for (String pair : query.split("&")) {
      if (pair.startsWith("access_token=")) {
        return URLDecoder.decode(pair.substring(13), StandardCharsets.UTF_8);
      }
    }
    return "";
  }

  private static boolean matches(String given, String expected) {
    return !expected.isEmpty()
        && MessageDigest.isEqual(
            given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }
}
