package io.wirewatch.dedup;

import io.wirewatch.article.Article;
import io.wirewatch.text.TextNormalizer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** Fingerprints an article by its normalised body alone: finds exact copies, nothing more. */
public final class ExactFingerprinter implements Fingerprinter {

  @Override
  public Fingerprints fingerprint(Article article) {
    String normalized = TextNormalizer.normalize(article.body());
    return new Fingerprints(Fingerprints.EXACT_PREFIX + sha256Prefix(normalized), List.of(), List.of());
  }

  static String sha256Prefix(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
