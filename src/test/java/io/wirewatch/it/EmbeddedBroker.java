package io.wirewatch.it;

import io.wirewatch.broker.EmbeddedKafkaBroker;
import java.nio.file.Files;

/** One embedded KRaft broker for the whole integration-test JVM, started on first use. */
final class EmbeddedBroker {

  private static EmbeddedKafkaBroker broker;

  private EmbeddedBroker() {}

  static synchronized String bootstrapServers() {
    if (broker == null) {
      try {
        broker =
            new EmbeddedKafkaBroker(Files.createTempDirectory("wirewatch-it-broker-"), 0).start();
      } catch (Exception e) {
        throw new IllegalStateException("embedded broker did not start", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
    }
    return broker.bootstrapServers();
  }
}
