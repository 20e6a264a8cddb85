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
  void shouldLetEnvironmentSetAnyKafkaKeyButNotTheLaunchersOwnVariables(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("w.properties");
    Files.writeString(file, "bootstrap.servers=broker:9092\nsecurity.protocol=PLAINTEXT\n");
    WirewatchConfig c =
        WirewatchConfig.load(
            List.of(file),
            Map.of(
                "WIREWATCH_SECURITY_PROTOCOL", "SASL_SSL",
                "WIREWATCH_SASL_JAAS_CONFIG", "jaas line",
                "WIREWATCH_PROCESSING_GUARANTEE", "at_least_once",
                "WIREWATCH_JAVA_OPTS", "-Xmx2g",
                "WIREWATCH_WIREWATCH_NO_SUCH_SETTING", "x",
                "PATH", "/usr/bin"));
    var kafka = c.kafkaProperties();
    assertEquals("SASL_SSL", kafka.getProperty("security.protocol"));
    assertEquals("jaas line", kafka.getProperty("sasl.jaas.config"));
    assertEquals("at_least_once", kafka.getProperty("processing.guarantee"));
    assertEquals(null, kafka.getProperty("java.opts"));
    assertEquals(null, kafka.getProperty("wirewatch.no.such.setting"));
    assertEquals(null, kafka.getProperty("path"));
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
