package io.wirewatch.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Server-sent event clients. A client gets a snapshot on connect, then every update. Writes happen
 * on one thread, so a client never sees interleaved events; a client whose connection fails is
 * dropped, and a comment every 15 seconds finds dead ones and keeps proxies from timing out.
 */
final class EventHub {

  static final int MAX_CLIENTS = 200;

  private final List<HttpExchange> clients = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService writer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "wirewatch-sse");
            t.setDaemon(true);
            return t;
          });

  EventHub() {
    writer.scheduleAtFixedRate(
        () -> clients.forEach(c -> write(c, ": ping\n\n")), 15, 15, TimeUnit.SECONDS);
  }

  /** Takes over an exchange whose headers are sent; false when there are too many clients. */
  boolean add(HttpExchange ex, Supplier<String> snapshot) {
    if (clients.size() >= MAX_CLIENTS) {
      return false;
    }
    writer.execute(
        () -> {
          if (write(ex, "retry: 3000\n" + frame("snapshot", snapshot.get()))) {
            clients.add(ex);
          }
        });
    return true;
  }

  void publish(String event, String json) {
    String frame = frame(event, json);
    writer.execute(() -> clients.forEach(c -> write(c, frame)));
  }

  int size() {
    return clients.size();
  }

  void close() {
    writer.shutdownNow();
    clients.forEach(HttpExchange::close);
    clients.clear();
  }

  private static String frame(String event, String data) {
    StringBuilder b = new StringBuilder("event: ").append(event).append('\n');
    for (String line : data.split("\n", -1)) {
      b.append("data: ").append(line).append('\n');
    }
    return b.append('\n').toString();
  }

  private boolean write(HttpExchange ex, String text) {
    try {
      OutputStream out = ex.getResponseBody();
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.flush();
      return true;
    } catch (IOException e) {
      clients.remove(ex);
      ex.close();
      return false;
    }
  }
}
