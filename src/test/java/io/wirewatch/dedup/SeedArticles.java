package io.wirewatch.dedup;

import io.wirewatch.article.Article;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the shared seed articles, one flat JSON object of strings per line. A few lines of parsing
 * keep this package free of a JSON library.
 */
final class SeedArticles {

  static final Path FILE = Path.of("..", "shared", "seeds", "articles.jsonl");

  private SeedArticles() {}

  static List<Article> load() throws IOException {
    return Files.readAllLines(FILE, StandardCharsets.UTF_8).stream()
        .filter(line -> !line.isBlank())
        .map(SeedArticles::parse)
        .toList();
  }

  private static Article parse(String json) {
    Map<String, String> fields = new FlatJsonReader(json).readObject();
    Instant published =
        fields.get("publishedAt") == null ? null : Instant.parse(fields.get("publishedAt"));
    return new Article(
        fields.get("id"),
        fields.get("url"),
        fields.get("source"),
        published,
        fields.get("language"),
        fields.get("title"),
        fields.get("body"),
        List.of(),
        published == null ? Instant.EPOCH : published,
        List.of());
  }

  /**
   * Reads {@code {"name": "string" | null | other scalar, ...}}; nested values are not supported.
   */
  private static final class FlatJsonReader {
    private final String s;
    private int pos;

    FlatJsonReader(String s) {
      this.s = s;
    }

    Map<String, String> readObject() {
      Map<String, String> fields = new HashMap<>();
      expect('{');
      while (peek() != '}') {
        String name = readString();
        expect(':');
        fields.put(name, readValue());
        if (peek() == ',') {
          pos++;
        }
      }
      return fields;
    }

    private String readValue() {
      if (peek() == '"') {
        return readString();
      }
      int start = pos;
      while (s.charAt(pos) != ',' && s.charAt(pos) != '}') {
        pos++;
      }
      String literal = s.substring(start, pos).trim();
      return literal.equals("null") ? null : literal;
    }

    private String readString() {
      expect('"');
      StringBuilder out = new StringBuilder();
      for (char c = s.charAt(pos++); c != '"'; c = s.charAt(pos++)) {
        if (c != '\\') {
          out.append(c);
          continue;
        }
        char escaped = s.charAt(pos++);
        switch (escaped) {
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          case 'r' -> out.append('\r');
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'u' -> {
            out.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
            pos += 4;
          }
          default -> out.append(escaped);
        }
      }
      return out.toString();
    }

    private char peek() {
      while (Character.isWhitespace(s.charAt(pos))) {
        pos++;
      }
      return s.charAt(pos);
    }

    private void expect(char c) {
      if (peek() != c) {
        throw new IllegalArgumentException("expected '" + c + "' at " + pos);
      }
      pos++;
    }
  }
}
