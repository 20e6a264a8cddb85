package io.wirewatch.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Server-sent event clients. A client gets a snapshot on connect, then every update. Each client
 * has a writer thread and a bounded queue of frames: a client that stops reading blocks only its
 * own writer, and once its queue is full it is dropped, so it can neither hold up the others nor
 * fill the heap with frames waiting for it. A comment every 15 seconds finds dead connections and
 * keeps proxies from timing out.
 */
final class EventHub {

  static final int MAX_CLIENTS = 200;

  /** Frames a client may have waiting: one this far behind is not reading. */
  static final int MAX_QUEUED_FRAMES = 1_000;

  private final List<Client> clients = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService pinger =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "wirewatch-sse-ping");
            t.setDaemon(true);
            return t;
          });

  EventHub() {
    pinger.scheduleAtFixedRate(() -> publishFrame(": ping\n\n"), 15, 15, TimeUnit.SECONDS);
  }

  /** Takes over an exchange whose headers are sent; false when there are too many clients. */
  synchronized boolean add(HttpExchange ex, Supplier<String> snapshot) {
    if (clients.size() >= MAX_CLIENTS) {
      return false;
    }
    Client client = new Client(ex);
    // the snapshot is queued before the client can receive any update
    client.offer("retry: 3000\n" + frame("snapshot", snapshot.get()));
    clients.add(client);
    client.writer.start();
    return true;
  }

  void publish(String event, String json) {
    publishFrame(frame(event, json));
  }

  private void publishFrame(String frame) {
    clients.forEach(c -> c.offer(frame));
  }

  int size() {
    return clients.size();
  }

  void close() {
    pinger.shutdownNow();
    clients.forEach(Client::drop);
  }

  private static String frame(String event, String data) {
    StringBuilder b = new StringBuilder("event: ").append(event).append('\n');
    for (String line : data.split("\n", -1)) {
      b.append("data: ").append(line).append('\n');
    }
    return b.append('\n').toString();
  }

  /** One connection: its frames, and the thread that writes them in order. */
  private final class Client {
    final HttpExchange exchange;
    final BlockingQueue<String> frames = new ArrayBlockingQueue<>(MAX_QUEUED_FRAMES);
    final Thread writer;

    Client(HttpExchange exchange) {
      this.exchange = exchange;
      this.writer = new Thread(this::write, "wirewatch-sse-client");
      writer.setDaemon(true);
    }

    /** Never blocks the caller: a client whose queue is full is dropped. */
    void offer(String frame) {
      if (!frames.offer(frame)) {
        drop();
      }
    }

    /**
     * Ends the client without touching its connection from this thread, which a stalled client
     * could block: the interrupt ends its writer, also in the middle of a write (the server's
     * socket channel is interruptible), and the writer closes the connection.
     */
    void drop() {
      clients.remove(this);
      writer.interrupt();
    }

    private void write() {
      try {
        OutputStream out = exchange.getResponseBody();
        while (!Thread.currentThread().isInterrupted()) {
          out.write(frames.take().getBytes(StandardCharsets.UTF_8));
          out.flush();
        }
      } catch (IOException | InterruptedException e) {
        // the client went away, or was dropped
      } finally {
        clients.remove(this);
        try {
          exchange.close();
        } catch (RuntimeException e) {
          // the connection is already broken
        }
      }
    }
  }
}
