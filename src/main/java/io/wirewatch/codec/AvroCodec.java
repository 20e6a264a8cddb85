package io.wirewatch.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Avro single-object encoding of one record class: {@code C3 01}, the writer schema's fingerprint,
 * then the binary body. Records written with any version under {@code schemas/history} decode to
 * the current class.
 */
public final class AvroCodec<T extends SpecificRecord> {

  /** The two bytes that start every single-object encoded record. */
  public static final byte[] MAGIC = {(byte) 0xC3, (byte) 0x01};

  private static final SchemaStore.Cache HISTORY = loadHistory();

  private final BinaryMessageEncoder<T> encoder;
  private final BinaryMessageDecoder<T> decoder;

  public AvroCodec(Schema schema) {
    Objects.requireNonNull(schema, "schema can't be null");
    this.encoder = new BinaryMessageEncoder<>(SpecificData.get(), schema);
    this.decoder = new BinaryMessageDecoder<>(SpecificData.get(), schema, HISTORY);
  }

  public static boolean hasMagic(byte[] bytes) {
    return bytes != null && bytes.length >= 2 && bytes[0] == MAGIC[0] && bytes[1] == MAGIC[1];
  }

  public byte[] encode(T record) {
    try {
      return encoder.encode(record).array();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Decodes bytes written with the current or any earlier schema version. */
  public T decode(byte[] bytes) throws IOException {
    return decoder.decode(bytes);
  }

  /** The schemas every decoder can resolve old writers with. */
  static SchemaStore.Cache loadHistory() {
    SchemaStore.Cache cache = new SchemaStore.Cache();
    for (String file : historyFiles()) {
      cache.addSchema(parse("schemas/history/" + file));
    }
    return cache;
  }

  private static List<String> historyFiles() {
    try (InputStream in = resource("schemas/history/index.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::trim)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Schema parse(String path) {
    try (InputStream in = resource(path)) {
      return new Schema.Parser().parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream resource(String path) throws IOException {
    InputStream in = AvroCodec.class.getClassLoader().getResourceAsStream(path);
    if (in == null) {
      throw new IOException("missing resource " + path + " (schemas/ must be on the classpath)");
    }
    return in;
  }
}
