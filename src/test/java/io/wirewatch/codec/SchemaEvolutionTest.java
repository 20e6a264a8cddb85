package io.wirewatch.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.wirewatch.avro.Article;
import java.io.InputStream;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;

class SchemaEvolutionTest {

  @Test
  void shouldReadARecordWrittenWithSchemaV1UsingSchemaV2() throws Exception {
    Schema v1;
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream("schemas/history/Article.v1.avsc")) {
      v1 = new Schema.Parser().parse(in);
    }
    GenericRecord old = new GenericData.Record(v1);
    old.put("id", "old-1");
    old.put("title", "Written by an old producer");
    old.put("body", "v1 had no language and no authors");
    byte[] bytes =
        new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1).encode(old).array();

    Article read = new AvroCodec<Article>(Article.getClassSchema()).decode(bytes);

    assertEquals("old-1", read.getId());
    assertEquals("v1 had no language and no authors", read.getBody());
    assertNull(read.getLanguage());
    assertEquals(List.of(), read.getAuthors());
  }
}
