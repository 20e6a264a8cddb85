package io.wirewatch.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wirewatch.article.RejectionCode;
import io.wirewatch.avro.Article;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RawArticleDecoderTest {

  private final RawArticleDecoder decoder = new RawArticleDecoder(1_000_000);

  private RawArticleDecoder.Decoded decode(String s) {
    return decoder.decode(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void shouldReadTheContractsJsonArticle() {
    var d =
        decode(
            "{\"id\":\"a1\",\"url\":\"https://x.example/1\",\"source\":\"x.example\","
                + "\"publishedAt\":\"2020-06-10T22:05:00Z\",\"language\":\"en\",\"title\":\"T\",\"body\":\"B\"}");
    assertNull(d.rejection());
    assertEquals("a1", d.fields().id());
    assertEquals("B", d.fields().body());
    assertEquals("2020-06-10T22:05:00Z", d.fields().publishedAt());
  }

  @Test
  void shouldNameTheReasonOfEachMalformedRecord() {
    assertEquals(RejectionCode.MALFORMED_JSON, decode("{\"body\": \"x").rejection().code());
    assertEquals(RejectionCode.MALFORMED_JSON, decode("[1,2]").rejection().code());
    assertEquals(RejectionCode.MISSING_FIELD, decode("{\"title\":\"t\"}").rejection().code());
    assertEquals(RejectionCode.BAD_TYPE, decode("{\"body\":{\"a\":1}}").rejection().code());
    assertEquals(RejectionCode.EMPTY, decoder.decode(new byte[0]).rejection().code());
    assertEquals(RejectionCode.EMPTY, decoder.decode(null).rejection().code());
    byte[] badUtf8 = {(byte) 0xff, (byte) 0xfe, '{', '}'};
    assertEquals(RejectionCode.BAD_ENCODING, decoder.decode(badUtf8).rejection().code());
  }

  @Test
  void shouldRejectDeepNestingWithoutBlowingTheStack() {
    String deep = "{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000);
    assertEquals(RejectionCode.TOO_LARGE, decode(deep).rejection().code());
  }

  @Test
  void shouldDropAnOptionalFieldOfTheWrongTypeWithAWarning() {
    var d = decode("{\"title\": 42, \"body\": \"text\"}");
    assertNull(d.rejection());
    assertNull(d.fields().title());
    assertTrue(d.fields().warnings().get(0).startsWith("title"));
  }

  @Test
  void shouldRejectRecordsOverTheByteLimit() {
    RawArticleDecoder small = new RawArticleDecoder(100);
    assertEquals(
        RejectionCode.TOO_LARGE,
        small
            .decode(("{\"body\":\"" + "x".repeat(200) + "\"}").getBytes(StandardCharsets.UTF_8))
            .rejection()
            .code());
  }

  @Test
  void shouldReadAvroSingleObjectRecords() {
    Article a =
        Article.newBuilder()
            .setId("av1")
            .setBody("avro body")
            .setTitle("t")
            .setAuthors(List.of("A. Writer"))
            .build();
    byte[] bytes = new AvroCodec<Article>(Article.getClassSchema()).encode(a);
    assertTrue(AvroCodec.hasMagic(bytes));
    var d = decoder.decode(bytes);
    assertNotNull(d.fields());
    assertEquals("av1", d.fields().id());
    assertEquals(List.of("A. Writer"), d.fields().authors());
  }

  @Test
  void shouldRejectAvroBytesOfNoKnownSchema() {
    byte[] bytes = {(byte) 0xC3, 0x01, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    assertEquals(RejectionCode.MALFORMED_AVRO, decoder.decode(bytes).rejection().code());
  }
}
