package io.wirewatch.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.wirewatch.alert.AlertRule;
import io.wirewatch.codec.JsonViews;
import io.wirewatch.codec.RuleJson;
import io.wirewatch.config.WirewatchConfig;
import io.wirewatch.kafka.Topics;
import io.wirewatch.kafka.alert.RuleCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;

/** Serves {@code GET /}, {@code /api/health}, {@code /api/rules} and {@code /api/stories/{id}}. */
public final class DashboardServer {

  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
  private static final int MAX_REQUEST_BYTES = 64 * 1024;

  private final HttpServer server;
  private final KafkaStreams streams;
  private final RuleCatalog rules;
  private final String token;
  private final KafkaProducer<String, String> ruleProducer;

  private DashboardServer(
      HttpServer server,
      KafkaStreams streams,
      RuleCatalog rules,
      String token,
      Properties clients) {
    this.server = server;
    this.streams = streams;
    this.rules = rules;
    this.token = token;
    Properties p = new Properties();
    p.putAll(clients);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    this.ruleProducer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
  }

  public static DashboardServer start(
      WirewatchConfig config, KafkaStreams streams, RuleCatalog rules) throws IOException {
    String token = config.get(WirewatchConfig.API_TOKEN);
    if (token.isBlank()) {
      byte[] random = new byte[16];
      new SecureRandom().nextBytes(random);
      token = HexFormat.of().formatHex(random);
    }
    HttpServer http =
        HttpServer.create(new InetSocketAddress(config.get(WirewatchConfig.HTTP_PORT)), 64);
    DashboardServer s = new DashboardServer(http, streams, rules, token, config.kafkaProperties());
    http.createContext("/api/health", s::health);
    http.createContext("/api/rules", s::rulesApi);
    http.createContext("/api/stories/", s::story);
    http.createContext("/", s::page);
    http.setExecutor(Executors.newFixedThreadPool(4));
    http.start();
    return s;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public String token() {
    return token;
  }

  public void stop() {
    server.stop(1);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    ruleProducer.close(java.time.Duration.ofSeconds(5));
  }

  private void health(HttpExchange ex) throws IOException {
    ObjectNode o = JsonViews.MAPPER.createObjectNode();
    KafkaStreams.State state = streams.state();
    o.put("status", state == KafkaStreams.State.RUNNING ? "UP" : "DOWN");
    o.put("streams", state.name());
    o.put("rules", rules.book().size());
    json(ex, state == KafkaStreams.State.RUNNING ? 200 : 503, o);
  }

  private void rulesApi(HttpExchange ex) throws IOException {
    String method = ex.getRequestMethod();
    String path = ex.getRequestURI().getPath();
    String id =
        path.length() > "/api/rules/".length() ? path.substring("/api/rules/".length()) : "";
    if (method.equals("GET") && id.isEmpty()) {
      json(ex, 200, listRules());
    } else if (method.equals("POST") && id.isEmpty()) {
      if (authorized(ex)) {
        addRule(ex);
      }
    } else if (method.equals("DELETE") && !id.isEmpty()) {
      if (authorized(ex)) {
        ruleProducer.send(new ProducerRecord<>(Topics.ALERT_RULES.name(), id, null));
        ruleProducer.flush();
        json(ex, 200, JsonViews.MAPPER.createObjectNode().put("deleted", id));
      }
    } else {
      error(ex, 405, "method not allowed");
    }
  }

  private ObjectNode listRules() {
    ObjectNode o = JsonViews.MAPPER.createObjectNode();
    ArrayNode list = o.putArray("rules");
    for (AlertRule r : rules.book().all()) {
      list.add(RuleJson.toNode(r));
    }
    ArrayNode refused = o.putArray("refused");
    rules.refused().forEach((id, reason) -> refused.addObject().put("id", id).put("error", reason));
    return o;
  }

  private void addRule(HttpExchange ex) throws IOException {
    byte[] body;
    try (InputStream in = ex.getRequestBody()) {
      body = in.readNBytes(MAX_REQUEST_BYTES + 1);
    }
    if (body.length > MAX_REQUEST_BYTES) {
      error(ex, 413, "rule is larger than " + MAX_REQUEST_BYTES + " bytes");
      return;
    }
    AlertRule rule;
    try {
      rule = RuleJson.parse(body);
    } catch (IllegalArgumentException e) {
      error(ex, 400, e.getMessage());
      return;
    }
    Optional<String> problem = rules.book().check(rule);
    if (problem.isPresent()) {
      error(ex, 400, problem.get());
      return;
    }
    try {
      ruleProducer
          .send(new ProducerRecord<>(Topics.ALERT_RULES.name(), rule.id(), RuleJson.write(rule)))
          .get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      error(ex, 503, "could not store the rule: " + e.getMessage());
      return;
    }
    json(ex, 201, RuleJson.toNode(rule));
  }

  private void story(HttpExchange ex) throws IOException {
    error(ex, 404, "no story view on this instance yet");
  }

  private void page(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    String resource = path.equals("/") ? "web/index.html" : "web" + path;
    if (path.contains("..") || !resource.matches("web/[A-Za-z0-9_./-]+")) {
      error(ex, 404, "not found");
      return;
    }
    try (InputStream in = DashboardServer.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        error(ex, 404, "not found");
        return;
      }
      send(ex, 200, contentType(resource), in.readAllBytes());
    }
  }

  private boolean authorized(HttpExchange ex) throws IOException {
    String header = ex.getRequestHeaders().getFirst("Authorization");
    String given = header != null && header.startsWith("Bearer ") ? header.substring(7).trim() : "";
    boolean ok =
        MessageDigest.isEqual(
            given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    if (!ok) {
      ex.getResponseHeaders().add("WWW-Authenticate", "Bearer");
      error(ex, 401, "changing rules needs the API token: Authorization: Bearer <token>");
    }
    return ok;
  }

  private static String contentType(String resource) {
    if (resource.endsWith(".html")) {
      return "text/html; charset=utf-8";
    }
    if (resource.endsWith(".js")) {
      return "text/javascript; charset=utf-8";
    }
    if (resource.endsWith(".css")) {
      return "text/css; charset=utf-8";
    }
    if (resource.endsWith(".png")) {
      return "image/png";
    }
    return "application/octet-stream";
  }

  static void json(HttpExchange ex, int status, Object body) throws IOException {
    byte[] bytes = JsonViews.MAPPER.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    send(ex, status, "application/json; charset=utf-8", bytes);
  }

  static void error(HttpExchange ex, int status, String message) throws IOException {
    json(ex, status, JsonViews.MAPPER.createObjectNode().put("error", message));
  }

  static void send(HttpExchange ex, int status, String contentType, byte[] body)
      throws IOException {
    var h = ex.getResponseHeaders();
    h.set("Content-Type", contentType);
    h.set("Content-Security-Policy", CSP);
    h.set("X-Content-Type-Options", "nosniff");
    h.set("Referrer-Policy", "no-referrer");
    h.set("Cache-Control", "no-store");
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }
}
