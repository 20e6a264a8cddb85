package io.wirewatch.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLHandshakeException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
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

  @Test
  void shouldAskAgainWhileTheBrokerDoesNotKnowTheTopicYet() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    int partitions =
        TopicAdmin.partitions(
            "news.alerts",
            Duration.ofSeconds(30),
            nanos -> {
              if (asked.incrementAndGet() < 3) {
                throw new ExecutionException(new UnknownTopicOrPartitionException("not yet"));
              }
              return 6;
            });

    assertEquals(6, partitions);
    assertEquals(3, asked.get());
  }

  @Test
  void shouldGiveUpOnAnUnknownTopicAfterItsPatienceNamingTheTopic() {
    AtomicInteger asked = new AtomicInteger();
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                TopicAdmin.partitions(
                    "news.alerts",
                    Duration.ofMillis(300),
                    nanos -> {
                      asked.incrementAndGet();
                      // as a real client: no answer can arrive in no time
                      if (nanos == 0) {
                        throw new TimeoutException();
                      }
                      throw new ExecutionException(new UnknownTopicOrPartitionException("absent"));
                    }));

    assertTrue(e.getMessage().startsWith("could not describe topic news.alerts: absent"));
    assertTrue(asked.get() >= 2, "asked " + asked.get() + " times");
  }

  @Test
  void shouldNotRetryOtherErrors() {
    AtomicInteger asked = new AtomicInteger();
    assertThrows(
        IllegalStateException.class,
        () ->
            TopicAdmin.partitions(
                "news.alerts",
                Duration.ofSeconds(30),
                nanos -> {
                  asked.incrementAndGet();
                  throw new ExecutionException(new TopicAuthorizationException("not allowed"));
                }));

    assertEquals(1, asked.get());
  }

  @Test
  void shouldNameTheTopicWhenTheBrokerDoesNotAnswer() {
    TimeoutException e =
        assertThrows(
            TimeoutException.class,
            () ->
                TopicAdmin.partitions(
                    "news.alerts",
                    Duration.ofSeconds(30),
                    nanos -> {
                      throw new TimeoutException();
                    }));

    assertEquals("timed out describing topic news.alerts", e.getMessage());
  }
}
