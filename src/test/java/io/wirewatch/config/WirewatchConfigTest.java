package io.wirewatch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WirewatchConfigTest {

  @Test
  void shouldLetEnvironmentOverrideFilesAndPassKafkaKeysThrough(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("w.properties");
    Files.writeString(
        file,
        "bootstrap.servers=broker:9092\nsecurity.protocol=SASL_SSL\nwirewatch.dedup.shards=4\n");
    WirewatchConfig c =
        WirewatchConfig.load(List.of(file), Map.of("WIREWATCH_WIREWATCH_DEDUP_SHARDS", "16"));
    assertEquals(16, c.get(WirewatchConfig.DEDUP_SHARDS));
    assertEquals("SASL_SSL", c.kafkaProperties().getProperty("security.protocol"));
    assertEquals(null, c.kafkaProperties().getProperty("wirewatch.dedup.shards"));
  }

  @Test
  void shouldRefuseAnInvalidValueNamingTheKey(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("w.properties");
    Files.writeString(file, "wirewatch.enriched.format=xml\n");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> WirewatchConfig.load(List.of(file), Map.of()));
    assertEquals(true, e.getMessage().contains("wirewatch.enriched.format"));
  }
}
