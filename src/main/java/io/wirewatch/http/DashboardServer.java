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
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Serves the live page ({@code GET /} and its static files, the chart library from its webjar),
 * {@code /api/events} (server-sent events), {@code /api/dashboard}, {@code /api/health}, {@code
 * /api/rules} and {@code /api/stories/{id}}.
 */
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
  private final Access access;
  private final EventHub hub = new EventHub();
  private final DashboardFeed feed;
  private final StoryLookup stories;

  private DashboardServer(
      HttpServer server,
      KafkaStreams streams,
      RuleCatalog rules,
      String token,
      WirewatchConfig config) {
    Properties clients = config.kafkaProperties();
    this.server = server;
    this.streams = streams;
    this.rules = rules;
    this.token = token;
    this.access = new Access(token, config.get(WirewatchConfig.HTTP_READ_TOKEN));
    this.feed = new DashboardFeed(clients, hub);
    this.stories = new StoryLookup(streams, self(config));
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
    DashboardServer s = new DashboardServer(http, streams, rules, token, config);
    http.createContext("/api/health", s::health);
    http.createContext("/api/rules", s::rulesApi);
    http.createContext("/api/stories/", s::story);
    http.createContext("/api/events", s::events);
    http.createContext("/api/dashboard", s::dashboard);
    http.createContext("/webjars/", s::webjar);
    http.createContext("/", s::page);
    http.setExecutor(Executors.newFixedThreadPool(8));
    s.feed.start();
    http.start();
    return s;
  }

  /**
   * The configuration with {@code application.server} set to this instance's HTTP address (unless
   * set already), so that Kafka Streams can tell every instance who holds which story.
   */
  public static WirewatchConfig advertise(WirewatchConfig config) {
    if (config.kafkaProperties().getProperty(StreamsConfig.APPLICATION_SERVER_CONFIG) != null) {
      return config;
    }
    return config.with(
        StreamsConfig.APPLICATION_SERVER_CONFIG,
        config.get(WirewatchConfig.HTTP_ADVERTISED_HOST)
            + ":"
            + config.get(WirewatchConfig.HTTP_PORT));
  }

  private static HostInfo self(WirewatchConfig config) {
    String server =
        config.kafkaProperties().getProperty(StreamsConfig.APPLICATION_SERVER_CONFIG, "");
    return server.isBlank() ? null : HostInfo.buildFromEndpoint(server);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public String token() {
    return token;
  }

  public void stop() {
    feed.close();
    hub.close();
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
      if (readable(ex)) {
        json(ex, 200, listRules());
      }
    } else if (method.equals("POST") && id.isEmpty()) {
      if (authorized(ex)) {
        addRule(ex);
      }
    } else if (method.equals("DELETE") && !id.isEmpty()) {
      if (authorized(ex)) {
        deleteRule(ex, id);
      }
    } else {
      error(ex, 405, "method not allowed");
    }
  }

  /** A tombstone for the rule; 200 only once Kafka has it, as for an added rule. */
  private void deleteRule(HttpExchange ex, String id) throws IOException {
    try {
      ruleProducer
          .send(new ProducerRecord<>(Topics.ALERT_RULES.name(), id, null))
          .get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      error(ex, 503, "could not delete the rule: " + e.getMessage());
      return;
    }
    json(ex, 200, JsonViews.MAPPER.createObjectNode().put("deleted", id));
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
    if (!ex.getRequestMethod().equals("GET")) {
      error(ex, 405, "method not allowed");
      return;
    }
    if (!readable(ex)) {
      return;
    }
    String id = ex.getRequestURI().getPath().substring("/api/stories/".length());
    if (id.isEmpty() || id.length() > 200) {
      error(ex, 404, "no such story");
      return;
    }
    boolean forwarded = ex.getRequestHeaders().getFirst(StoryLookup.FORWARDED) != null;
    StoryLookup.Answer answer = stories.find(id, forwarded, Access.presented(ex));
    if (answer.status() == 503) {
      ex.getResponseHeaders().set("Retry-After", "2");
    }
    send(
        ex,
        answer.status(),
        "application/json; charset=utf-8",
        answer.json().getBytes(StandardCharsets.UTF_8));
  }

  private void dashboard(HttpExchange ex) throws IOException {
    if (readable(ex)) {
      send(
          ex,
          200,
          "application/json; charset=utf-8",
          feed.snapshot().getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Server-sent events: a snapshot, then every dashboard update and alert as it happens. */
  private void events(HttpExchange ex) throws IOException {
    if (!readable(ex)) {
      return;
    }
    if (hub.size() >= EventHub.MAX_CLIENTS) {
      error(ex, 503, "too many live clients");
      return;
    }
    var h = ex.getResponseHeaders();
    h.set("Content-Type", "text/event-stream; charset=utf-8");
    h.set("Cache-Control", "no-store");
    h.set("X-Content-Type-Options", "nosniff");
    h.set("X-Accel-Buffering", "no");
    ex.sendResponseHeaders(200, 0);
    if (!hub.add(ex, feed::snapshot)) {
      ex.close();
    }
  }

  /** The chart library, from its webjar on the classpath: nothing is fetched from elsewhere. */
  private void webjar(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    boolean allowed = path.matches("/webjars/[A-Za-z0-9_./@-]+\\.(js|css)");
    serveResource(ex, allowed, "META-INF/resources" + path);
  }

  private boolean readable(HttpExchange ex) throws IOException {
    if (access.canRead(ex)) {
      return true;
    }
    ex.getResponseHeaders().add("WWW-Authenticate", "Bearer");
    error(ex, 401, "reading needs the read token: Authorization: Bearer <token>");
    return false;
  }

  private void page(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    String resource = path.equals("/") ? "web/index.html" : "web" + path;
    serveResource(ex, resource.matches("web/[A-Za-z0-9_./-]+"), resource);
  }

  /** A file from the classpath, if its name passed the caller's whitelist and has no "..". */
  private static void serveResource(HttpExchange ex, boolean allowed, String resource)
      throws IOException {
    if (!allowed || resource.contains("..")) {
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
    boolean ok = access.canWrite(ex);
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
    if (resource.endsWith(".svg")) {
      return "image/svg+xml";
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
