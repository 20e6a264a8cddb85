package io.wirewatch.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirewatch.article.ArticleFields;
import io.wirewatch.article.RejectionCode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an article from untrusted JSON. Jackson's stream-read constraints bound nesting, string and
 * document length, so a hostile record costs a rejection and nothing else. A required field of the
 * wrong type rejects the article; an optional one is dropped with a warning.
 */
final class ArticleJsonReader {

  static final int MAX_NESTING_DEPTH = 32;

  private final ObjectMapper mapper;

  ArticleJsonReader(int maxDocumentBytes) {
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxStringLength(maxDocumentBytes)
                    .maxDocumentLength(maxDocumentBytes)
                    .maxNumberLength(100)
                    .maxNameLength(1000)
                    .build())
            .build();
    this.mapper = new ObjectMapper(factory);
  }

  RawArticleDecoder.Decoded read(String text) {
    JsonNode root;
    try {
      root = mapper.readTree(text);
    } catch (StreamConstraintsException e) {
      return RawArticleDecoder.rejected(
          RejectionCode.TOO_LARGE, "JSON exceeds a limit: " + firstLine(e.getOriginalMessage()));
    } catch (JsonProcessingException e) {
      return RawArticleDecoder.rejected(
          RejectionCode.MALFORMED_JSON, "not valid JSON: " + firstLine(e.getOriginalMessage()));
    }
    if (root == null || !root.isObject()) {
      String kind = root == null ? "nothing" : root.getNodeType().name().toLowerCase();
      return RawArticleDecoder.rejected(
          RejectionCode.MALFORMED_JSON, "an article must be a JSON object, not " + kind);
    }
    JsonNode body = root.get("body");
    if (body == null || body.isNull()) {
      return RawArticleDecoder.rejected(RejectionCode.MISSING_FIELD, "body is required");
    }
    if (!body.isTextual()) {
      return RawArticleDecoder.rejected(
          RejectionCode.BAD_TYPE,
          "body must be a string, not " + body.getNodeType().name().toLowerCase());
    }
    List<String> warnings = new ArrayList<>();
    return new RawArticleDecoder.Decoded(
        new ArticleFields(
            optionalText(root, "id", warnings),
            optionalText(root, "url", warnings),
            optionalText(root, "source", warnings),
            optionalText(root, "publishedAt", warnings),
            optionalText(root, "language", warnings),
            optionalText(root, "title", warnings),
            body.asText(),
            authors(root, warnings),
            warnings),
        null);
  }

  private static String optionalText(JsonNode root, String field, List<String> warnings) {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isTextual()) {
      return node.asText();
    }
    if (field.equals("id") && node.isIntegralNumber()) {
      return node.asText();
    }
    warnings.add(
        field
            + ": expected a string, got "
            + node.getNodeType().name().toLowerCase()
            + "; dropped");
    return null;
  }

  private static List<String> authors(JsonNode root, List<String> warnings) {
    JsonNode node = root.get("authors");
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (node.isTextual()) {
      return List.of(node.asText());
    }
    if (!node.isArray()) {
      warnings.add("authors: expected a list of strings; dropped");
      return List.of();
    }
    List<String> out = new ArrayList<>();
    node.forEach(
        a -> {
          if (a.isTextual()) {
            out.add(a.asText());
          }
        });
    return out;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    String line = nl < 0 ? message : message.substring(0, nl);
    return line.length() > 200 ? line.substring(0, 200) : line;
  }
}
