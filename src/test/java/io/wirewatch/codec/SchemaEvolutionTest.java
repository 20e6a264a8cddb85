package io.wirewatch.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.wirewatch.avro.Article;
import io.wirewatch.avro.DedupEnvelope;
import io.wirewatch.avro.IndexRequest;
import io.wirewatch.avro.IndexRequestKind;
import java.io.InputStream;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;

class SchemaEvolutionTest {

  private Schema history(String file) throws Exception {
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream("schemas/history/" + file)) {
      return new Schema.Parser().parse(in);
    }
  }

  private static byte[] encode(GenericRecord record) throws Exception {
    return new BinaryMessageEncoder<GenericRecord>(GenericData.get(), record.getSchema())
        .encode(record)
        .array();
  }

  @Test
  void shouldReadDedupRecordsWrittenBeforeBatchesAsSingleOnes() throws Exception {
    Schema requestV1 = history("IndexRequest.v1.avsc");
    GenericRecord lookup = new GenericData.Record(requestV1);
    lookup.put("kind", new GenericData.EnumSymbol(requestV1.getField("kind").schema(), "LOOKUP"));
    lookup.put("articleId", "a-1");
    lookup.put("eventTime", 42L);
    lookup.put("featureCount", 3);
    lookup.put("keys", List.of("p:1"));
    lookup.put("inFlight", "0:a1");

    IndexRequest read =
        new AvroCodec<IndexRequest>(IndexRequest.getClassSchema()).decode(encode(lookup));
    assertEquals(IndexRequestKind.LOOKUP, read.getKind());
    assertEquals(List.of("p:1"), read.getKeys());
    assertEquals(List.of(), read.getBatch());

    Schema envelopeV1 = history("DedupEnvelope.v1.avsc");
    GenericRecord reply = new GenericData.Record(envelopeV1);
    reply.put("expectedReplies", 0);
    reply.put("hits", List.of());
    reply.put("isReply", true);
    reply.put("ownKeys", List.of());
    reply.put("inFlight", "0:a1");
    reply.put("isStoryAnswer", false);

    DedupEnvelope envelope =
        new AvroCodec<DedupEnvelope>(DedupEnvelope.getClassSchema()).decode(encode(reply));
    assertEquals(true, envelope.getIsReply());
    assertEquals("", envelope.getArticleId());
    assertEquals(List.of(), envelope.getBatch());
  }

  @Test
  void shouldReadARecordWrittenWithSchemaV1UsingSchemaV2() throws Exception {
    Schema v1 = history("Article.v1.avsc");
    GenericRecord old = new GenericData.Record(v1);
    old.put("id", "old-1");
    old.put("title", "Written by an old producer");
    old.put("body", "v1 had no language and no authors");
    byte[] bytes = encode(old);

    Article read = new AvroCodec<Article>(Article.getClassSchema()).decode(bytes);

    assertEquals("old-1", read.getId());
    assertEquals("v1 had no language and no authors", read.getBody());
    assertNull(read.getLanguage());
    assertEquals(List.of(), read.getAuthors());
  }
}
