package io.wirewatch.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A combined broker and controller (KRaft) whose storage is formatted as {@code kafka-storage
 * format --standalone} does. Started again on the same directory it resumes: the cluster id and
 * controller port are kept in the directory, since the quorum remembers its voter's endpoint.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
  private static final String IDENTITY_FILE = "wirewatch-broker.properties";

  private final Path dataDir;
  private final int port;
  private final Properties extra;
  private final List<String> scramUsers = new ArrayList<>();
  private String saslAdmin;
  private String saslAdminPassword;
  private Tls tls;
  private int mutualTlsPort = -1;
  private String principalMappingRules;
  private KafkaRaftServer server;

  /**
   * The broker's TLS identity: a PKCS12 key store with its certificate (SAN localhost) and a trust
   * store holding the CA that signs the clients' certificates.
   */
  public record Tls(Path keyStore, Path trustStore, String password) {}

  /**
   * @param port the client port, 0 for a free one
   * @param extra broker settings added to (and overriding) the defaults
   */
  public EmbeddedKafkaBroker(Path dataDir, int port, Properties extra) {
    this.dataDir = dataDir;
    this.port = port == 0 ? freePort() : port;
    this.extra = extra;
  }

  public EmbeddedKafkaBroker(Path dataDir, int port) {
    this(dataDir, port, new Properties());
  }

  /**
   * Makes the client listener SASL_PLAINTEXT with SCRAM-SHA-512 and turns on the {@code
   * StandardAuthorizer}, with {@code admin} as the only super user clients can be. Call before
   * {@link #start()}. The broker talks to itself over the same listener as {@code admin}, so no
   * unauthenticated path serves clients; the controller listener stays PLAINTEXT on localhost.
   * Credentials are written into the metadata log when the storage is formatted, as {@code
   * kafka-storage format --add-scram} does: KRaft has no ZooKeeper to put them in beforehand.
   */
  public synchronized EmbeddedKafkaBroker withSaslScram(String admin, String adminPassword) {
    this.saslAdmin = admin;
    this.saslAdminPassword = adminPassword;
    return withScramUser(admin, adminPassword);
  }

  /**
   * A SCRAM-SHA-512 user created when the storage is first formatted; later users need {@code
   * Admin.alterUserScramCredentials}.
   */
  public synchronized EmbeddedKafkaBroker withScramUser(String name, String password) {
    if (name.contains(",")
        || name.contains("]")
        || password.contains(",")
        || password.contains("]")) {
      // --add-scram's [name=...,password=...] syntax has no escaping
      throw new IllegalArgumentException("SCRAM names and passwords here can't hold ',' or ']'");
    }
    scramUsers.add("SCRAM-SHA-512=[name=" + name + ",password=" + password + "]");
    return this;
  }

  /**
   * Encrypts the SASL/SCRAM listener: clients connect with SASL_SSL instead of SASL_PLAINTEXT. Call
   * with {@link #withSaslScram} before {@link #start()}.
   */
  public synchronized EmbeddedKafkaBroker withTls(Tls tls) {
    this.tls = tls;
    return this;
  }

  /**
   * Adds a second client listener where clients authenticate with a certificate the trust store's
   * CA signed (SSL with {@code ssl.client.auth=required}); their principal is the certificate's
   * distinguished name mapped by {@code rules} ({@code ssl.principal.mapping.rules}). Needs {@link
   * #withTls}.
   */
  public synchronized EmbeddedKafkaBroker withMutualTlsListener(String rules) {
    this.mutualTlsPort = freePort();
    this.principalMappingRules = rules;
    return this;
  }

  public String bootstrapServers() {
    return "localhost:" + port;
  }

  /** The address of the mutual-TLS listener. */
  public String mutualTlsBootstrapServers() {
    if (mutualTlsPort < 0) {
      throw new IllegalStateException("no mutual-TLS listener: call withMutualTlsListener first");
    }
    return "localhost:" + mutualTlsPort;
  }

  public int port() {
    return port;
  }

  public synchronized EmbeddedKafkaBroker start() throws IOException {
    Files.createDirectories(dataDir);
    Properties identity = loadOrCreateIdentity();
    Properties config = brokerConfig(Integer.parseInt(identity.getProperty("controller.port")));
    Path configFile = dataDir.resolve("server.properties");
    try (Writer w = Files.newBufferedWriter(configFile, StandardCharsets.UTF_8)) {
      config.store(w, "written by wirewatch; the embedded broker's settings");
    }
    format(configFile, identity.getProperty("cluster.id"));
    server = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
    server.startup();
    LOG.info("embedded Kafka broker up at {} (data in {})", bootstrapServers(), dataDir);
    return this;
  }

  private void format(Path configFile, String clusterId) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<String> args =
        new ArrayList<>(
            List.of(
                "format",
                "--config",
                configFile.toString(),
                "--cluster-id",
                clusterId,
                "--standalone",
                "--ignore-formatted"));
    for (String user : scramUsers) {
      args.add("--add-scram");
      args.add(user);
    }
    int rc;
    try (PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8)) {
      rc = StorageTool.execute(args.toArray(String[]::new), ps);
    }
    if (rc != 0) {
      String message = out.toString(StandardCharsets.UTF_8);
      if (saslAdminPassword != null) {
        message = message.replace(saslAdminPassword, "[hidden]");
      }
      if (tls != null) {
        message = message.replace(tls.password(), "[hidden]");
      }
      throw new IllegalStateException("formatting Kafka storage failed: " + message);
    }
  }

  private Properties brokerConfig(int controllerPort) {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put(
        "listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
    p.put("controller.listener.names", "CONTROLLER");
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("controller.quorum.bootstrap.servers", "localhost:" + controllerPort);
    p.put("log.dirs", dataDir.resolve("kafka-logs").toString());
    p.put("metadata.log.dir", dataDir.resolve("kafka-metadata").toString());
    // one node: every internal topic has one replica
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "4");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("transaction.state.log.num.partitions", "4");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("default.replication.factor", "1");
    p.put("min.insync.replicas", "1");
    p.put("num.partitions", "1");
    p.put("auto.create.topics.enable", "false");
    p.put("group.initial.rebalance.delay.ms", "0");
    // the cleaner's 128 MiB dedupe buffer is heap; compacted topics here are small
    p.put("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024));
    p.put("log.cleaner.threads", "1");
    p.put("num.network.threads", "2");
    p.put("num.io.threads", "4");
    p.put("message.max.bytes", String.valueOf(8 * 1024 * 1024));
    p.put("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE));
    if (saslAdmin != null) {
      saslScram(p, controllerPort);
    }
    if (tls != null) {
      tls(p, controllerPort);
    }
    p.putAll(extra);
    return p;
  }

  private void saslScram(Properties p, int controllerPort) {
    p.put(
        "listeners",
        "SASL_PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
    p.put("advertised.listeners", "SASL_PLAINTEXT://localhost:" + port);
    p.put("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("inter.broker.listener.name", "SASL_PLAINTEXT");
    p.put("sasl.enabled.mechanisms", "SCRAM-SHA-512");
    p.put("sasl.mechanism.inter.broker.protocol", "SCRAM-SHA-512");
    p.put(
        "listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
            + saslAdmin
            + "\" password=\""
            + saslAdminPassword
            + "\";");
    p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
    // the broker reaches its own controller over the PLAINTEXT controller listener, where it is
    // User:ANONYMOUS; that listener is bound to localhost and never advertised to clients
    p.put("super.users", "User:" + saslAdmin + ";User:ANONYMOUS");
    p.put("allow.everyone.if.no.acl.found", "false");
  }

  /** Turns the SASL listener into SASL_SSL and adds the mutual-TLS listener if asked for. */
  private void tls(Properties p, int controllerPort) {
    if (saslAdmin == null) {
      throw new IllegalStateException("TLS here is for the SASL/SCRAM broker: call withSaslScram");
    }
    String listeners = "SASL_SSL://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort;
    String advertised = "SASL_SSL://localhost:" + port;
    String protocols = "SASL_SSL:SASL_SSL,CONTROLLER:PLAINTEXT";
    if (mutualTlsPort > 0) {
      listeners += ",MTLS://localhost:" + mutualTlsPort;
      advertised += ",MTLS://localhost:" + mutualTlsPort;
      protocols += ",MTLS:SSL";
      p.put("listener.name.mtls.ssl.client.auth", "required");
      p.put("ssl.principal.mapping.rules", principalMappingRules);
    }
    p.put("listeners", listeners);
    p.put("advertised.listeners", advertised);
    p.put("listener.security.protocol.map", protocols);
    p.put("inter.broker.listener.name", "SASL_SSL");
    Object jaas = p.remove("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config");
    p.put("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config", jaas);
    p.put("ssl.keystore.type", "PKCS12");
    p.put("ssl.keystore.location", tls.keyStore().toString());
    p.put("ssl.keystore.password", tls.password());
    p.put("ssl.key.password", tls.password());
    p.put("ssl.truststore.type", "PKCS12");
    p.put("ssl.truststore.location", tls.trustStore().toString());
    p.put("ssl.truststore.password", tls.password());
  }

  private Properties loadOrCreateIdentity() throws IOException {
    Path file = dataDir.resolve(IDENTITY_FILE);
    Properties identity = new Properties();
    if (Files.exists(file)) {
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        identity.load(r);
      }
      return identity;
    }
    identity.setProperty("cluster.id", Uuid.randomUuid().toString());
    identity.setProperty("controller.port", String.valueOf(freePort()));
    Path tmp = dataDir.resolve(IDENTITY_FILE + ".tmp");
    try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      identity.store(w, "identity of the embedded broker in this directory; keep it with the data");
    }
    Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return identity;
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port", e);
    }
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.shutdown();
      server.awaitShutdown();
      server = null;
    }
  }
}
