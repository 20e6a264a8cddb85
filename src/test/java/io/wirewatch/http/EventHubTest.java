package io.wirewatch.http;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EventHubTest {

  /**
   * A client that connects and never reads once held up every other client (one thread wrote to all
   * of them) and made updates pile up in memory. Now it is dropped when its queue is full, and a
   * reading client gets every update.
   */
  @Test
  void shouldDropAClientThatStopsReadingAndKeepServingTheOthers() throws Exception {
    EventHub hub = new EventHub();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/events",
        ex -> {
          ex.getResponseHeaders().set("Content-Type", "text/event-stream");
          ex.sendResponseHeaders(200, 0);
          hub.add(ex, () -> "{}");
        });
    server.start();
    int port = server.getAddress().getPort();
    try (Socket stalled = new Socket("127.0.0.1", port)) {
      stalled.setReceiveBufferSize(4096);
      OutputStream request = stalled.getOutputStream();
      request.write(
          "GET /events HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      request.flush();
      AtomicInteger updatesRead = new AtomicInteger();
      Thread reader = new Thread(() -> readUpdates(port, updatesRead));
      reader.setDaemon(true);
      reader.start();
      await().atMost(Duration.ofSeconds(30)).until(() -> hub.size() == 2);

      int updates = EventHub.MAX_QUEUED_FRAMES * 3;
      String payload = "x".repeat(16 * 1024);
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      for (int i = 0; i < updates; i++) {
        // at the pace the reading client reads: in production a throttle paces updates
        while (i - updatesRead.get() > 100) {
          assertTrue(
              System.nanoTime() < deadline,
              "the reading client got " + updatesRead.get() + " of " + i + " updates");
          Thread.sleep(1);
        }
        hub.publish("stat", "{\"n\":" + i + ",\"pad\":\"" + payload + "\"}");
      }

      await().atMost(Duration.ofSeconds(60)).until(() -> hub.size() == 1);
      await().atMost(Duration.ofSeconds(60)).until(() -> updatesRead.get() == updates);
      assertEquals(updates, updatesRead.get());
    } finally {
      hub.close();
      server.stop(0);
    }
  }

  private static void readUpdates(int port, AtomicInteger updatesRead) {
    try {
      var connection = new URL("http://127.0.0.1:" + port + "/events").openConnection();
      try (BufferedReader in =
          new BufferedReader(
              new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          if (line.equals("event: stat")) {
            updatesRead.incrementAndGet();
          }
        }
      }
    } catch (java.io.IOException e) {
      // the hub closed at the end of the test
    }
  }
}
