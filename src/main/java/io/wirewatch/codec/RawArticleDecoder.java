package io.wirewatch.codec;

import io.wirewatch.article.ArticleFields;
import io.wirewatch.article.Rejection;
import io.wirewatch.article.RejectionCode;
import io.wirewatch.avro.Article;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads an ingest record in whichever format it came: Avro single-object when it starts with {@code
 * C3 01}, JSON otherwise. Returns the producer's fields, or a rejection that says what is wrong.
 */
public final class RawArticleDecoder {

  /** Either the fields or the reason there are none. */
  public record Decoded(ArticleFields fields, Rejection rejection) {}

  private final AvroCodec<Article> avro = new AvroCodec<>(Article.getClassSchema());
  private final ArticleJsonReader json;
  private final int maxRecordBytes;

  public RawArticleDecoder(int maxRecordBytes) {
    this.maxRecordBytes = maxRecordBytes;
    this.json = new ArticleJsonReader(maxRecordBytes);
  }

  public Decoded decode(byte[] value) {
    if (value == null || value.length == 0) {
      return rejected(RejectionCode.EMPTY, "the record has no value");
    }
    if (value.length > maxRecordBytes) {
      return rejected(
          RejectionCode.TOO_LARGE,
          "the record has " + value.length + " bytes; the limit is " + maxRecordBytes);
    }
    if (AvroCodec.hasMagic(value)) {
      return decodeAvro(value);
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(value))
              .toString();
    } catch (CharacterCodingException e) {
      return rejected(
          RejectionCode.BAD_ENCODING,
          "the record is neither Avro single-object (C3 01) nor valid UTF-8 JSON");
    }
    return json.read(text);
  }

  private Decoded decodeAvro(byte[] value) {
    try {
      Article a = avro.decode(value);
      return new Decoded(
          new ArticleFields(
              a.getId(),
              a.getUrl(),
              a.getSource(),
              a.getPublishedAt(),
              a.getLanguage(),
              a.getTitle(),
              a.getBody(),
              a.getAuthors(),
              List.of()),
          null);
    } catch (IOException | RuntimeException e) {
      return rejected(
          RejectionCode.MALFORMED_AVRO,
          "Avro single-object record does not decode with any known Article schema: "
              + e.getMessage());
    }
  }

  static Decoded rejected(RejectionCode code, String message) {
    return new Decoded(null, new Rejection(code, message));
  }
}
