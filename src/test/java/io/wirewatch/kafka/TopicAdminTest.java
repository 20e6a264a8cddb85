package io.wirewatch.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.net.ssl.SSLHandshakeException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

class TopicAdminTest {

  @Test
  void shouldNameTheHandshakeAndWhatToCheckWhenTlsRefusesTheClient() {
    String message =
        TopicAdmin.explain(
            new SslAuthenticationException(
                "Failed to process post-handshake messages",
                new SSLHandshakeException("Received fatal alert: bad_certificate")));

    assertTrue(message.startsWith("SSL handshake failed (Received fatal alert: bad_certificate)"));
    assertTrue(message.contains("ssl.keystore.location"), message);
    assertTrue(message.contains("ssl.truststore.location"), message);
  }

  @Test
  void shouldKeepOtherErrorsAsTheyAre() {
    assertEquals("not allowed", TopicAdmin.explain(new TopicAuthorizationException("not allowed")));
  }
}
