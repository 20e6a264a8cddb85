package io.wirewatch.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wirewatch.app.Wirewatch;
import io.wirewatch.avro.EnrichedArticle;
import io.wirewatch.broker.EmbeddedKafkaBroker;
import io.wirewatch.codec.AvroCodec;
import io.wirewatch.codec.JsonViews;
import io.wirewatch.config.WirewatchConfig;
import io.wirewatch.kafka.TopicAdmin;
import io.wirewatch.kafka.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * wirewatch on a cluster that encrypts (TLS with certificates made at test time), authenticates
 * (SASL/SCRAM-SHA-512 over SASL_SSL, or a client certificate on a mutual-TLS listener) and
 * authorizes (StandardAuthorizer, nothing allowed without an ACL). The wirewatch principal gets
 * only the ACLs {@link #grantWirewatch} lists — no CREATE on {@code news.*}, nothing on the cluster
 * — so these tests also pin down the least privilege the README can tell operators to grant.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecureClusterIT {

  private static final String SCRAM = "org.apache.kafka.common.security.scram.ScramLoginModule";
  private static final AvroCodec<EnrichedArticle> ENRICHED =
      new AvroCodec<>(EnrichedArticle.getClassSchema());

  // random per run, so finding one in a log can only mean it was printed
  private final String adminPassword = "adm-" + UUID.randomUUID();
  private final String wirewatchPassword = "ww-" + UUID.randomUUID();
  private final String storePassword = "tls-" + UUID.randomUUID();
  private Path dir;
  private TestCertificates certificates;
  private EmbeddedKafkaBroker broker;

  @BeforeAll
  void startSecureBroker() throws Exception {
    dir = Files.createTempDirectory("wirewatch-secure-");
    certificates = new TestCertificates(dir.resolve("tls"), storePassword);
    broker =
        new EmbeddedKafkaBroker(dir.resolve("kafka"), 0)
            .withSaslScram("admin", adminPassword)
            .withScramUser("wirewatch", wirewatchPassword)
            .withTls(
                new EmbeddedKafkaBroker.Tls(
                    certificates.brokerKeyStore(), certificates.trustStore(), storePassword))
            // a certificate's principal is its CN: CN=wirewatch-tls,OU=news,O=example is
            // User:wirewatch-tls
            .withMutualTlsListener("RULE:^CN=([^,]+),.*$/$1/,DEFAULT")
            .start();
    // topics are the operator's job on a locked-down cluster: created by admin, not by wirewatch
    TopicAdmin.ensureTopics(admin(), 2, (short) 1);
  }

  @AfterAll
  void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void shouldEnrichArticlesWhenWirewatchHasOnlyLeastPrivilegeAcls() throws Exception {
    String appId = "wirewatch-acl";
    grantWirewatch(appId, "wirewatch");
    // the password comes from a config provider (a file only the operator can read), not inline
    Path secrets = dir.resolve("secrets.properties");
    Files.writeString(secrets, "wirewatch.password=" + wirewatchPassword + "\n");
    Properties p = baseConfig(appId);
    p.setProperty("config.providers", "file");
    p.setProperty(
        "config.providers.file.class",
        "org.apache.kafka.common.config.provider.FileConfigProvider");
    p.setProperty(
        "sasl.jaas.config",
        SCRAM
            + " required username=\"wirewatch\" password=\"${file:"
            + secrets
            + ":wirewatch.password}\";");
    try (Wirewatch app = Wirewatch.start(WirewatchConfig.of(p), false)) {
      app.awaitRunning(Duration.ofMinutes(2));
      String id = "secure-acl-1";
      produceAsAdmin(id, article(id));
      EnrichedArticle out = awaitEnriched(id);
      assertEquals("Harbour reopens after storm", out.getTitle());
      assertEquals("UNIQUE", out.getDedup().getStatus());
    }
    // the authorizer is on and wirewatch is no super user: it may not create topics, which is
    // why start-up above must have found the news. topics through DESCRIBE and left them alone
    Properties self = admin();
    self.put(
        "sasl.jaas.config",
        SCRAM + " required username=\"wirewatch\" password=\"" + wirewatchPassword + "\";");
    try (Admin asWirewatch = Admin.create(self)) {
      Exception denied =
          assertThrows(
              Exception.class,
              () ->
                  asWirewatch
                      .createTopics(List.of(new NewTopic("news.not-granted", 1, (short) 1)))
                      .all()
                      .get(30, TimeUnit.SECONDS));
      assertTrue(denied.getCause() instanceof TopicAuthorizationException, causes(denied));
    }
  }

  @Test
  void shouldFailFastNamingSaslWhenThePasswordIsWrong() throws Exception {
    String appId = "wirewatch-wrong";
    grantWirewatch(appId, "wirewatch");
    Properties p = baseConfig(appId);
    p.setProperty(
        "sasl.jaas.config",
        SCRAM + " required username=\"wirewatch\" password=\"not-" + wirewatchPassword + "\";");
    Exception e = startupFailure(p);
    assertFalse(
        WirewatchConfig.of(p).toString().contains(wirewatchPassword),
        "the configuration's printed form must mask sasl.jaas.config");
    String chain = causes(e);
    assertTrue(chain.contains("SASL"), chain);
    assertTrue(chain.contains("Authentication failed"), chain);
    assertFalse(chain.contains(wirewatchPassword), "the message must not echo the password");
  }

  /**
   * {@code wirewatch run} as operators start it: a child JVM whose password is an environment
   * variable read through Kafka's EnvVarConfigProvider, with every Kafka logger at INFO (where the
   * clients print their whole configuration), and not one line that holds the password.
   */
  @Test
  void shouldTakeThePasswordFromTheEnvironmentAndNeverLogIt() throws Exception {
    String appId = "wirewatch-env";
    grantWirewatch(appId, "wirewatch");
    Path config = dir.resolve("wirewatch-env.properties");
    List<String> lines = new ArrayList<>();
    Properties base = baseConfig(appId);
    // the trust store's password too comes from the environment
    base.setProperty("ssl.truststore.password", "${env:WW_TEST_STORE_PASSWORD}");
    base.forEach((k, v) -> lines.add(k + "=" + v));
    lines.add("wirewatch.http.port=0");
    lines.add("config.providers=env");
    lines.add(
        "config.providers.env.class=org.apache.kafka.common.config.provider.EnvVarConfigProvider");
    lines.add(
        "sasl.jaas.config="
            + SCRAM
            + " required username=\"wirewatch\" password=\"${env:WW_TEST_PASSWORD}\";");
    Files.write(config, lines, StandardCharsets.UTF_8);
    Path log4j = dir.resolve("log4j2-info.xml");
    Files.writeString(
        log4j,
        "<Configuration status=\"WARN\"><Appenders><Console name=\"err\" target=\"SYSTEM_ERR\">"
            + "<PatternLayout pattern=\"%-5level %c{1} - %msg%n%throwable\"/></Console></Appenders>"
            + "<Loggers><Root level=\"INFO\"><AppenderRef ref=\"err\"/></Root></Loggers>"
            + "</Configuration>");
    Path log = dir.resolve("child.log");
    ProcessBuilder pb =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-Dlog4j2.configurationFile=" + log4j,
                "-cp",
                System.getProperty("java.class.path"),
                "io.wirewatch.cli.Main",
                "run",
                "--config",
                config.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    pb.environment().put("WW_TEST_PASSWORD", wirewatchPassword);
    pb.environment().put("WW_TEST_STORE_PASSWORD", storePassword);
    Process child = pb.start();
    try {
      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> {
                if (!child.isAlive()) {
                  throw new IllegalStateException("child exited: " + Files.readString(log));
                }
                return Files.readString(log).contains("READY kafka=");
              });
      String id = "secure-env-1";
      produceAsAdmin(id, article(id));
      assertEquals("Harbour reopens after storm", awaitEnriched(id).getTitle());
    } finally {
      child.destroy();
      child.waitFor(30, TimeUnit.SECONDS);
      child.destroyForcibly();
    }
    String output = Files.readString(log);
    // the capture really saw the clients' configuration dumps, so the absence below means something
    assertTrue(output.contains("sasl.jaas.config = [hidden]"), "INFO config dump not captured");
    assertFalse(
        output.contains(wirewatchPassword), "wirewatch's password appeared in its output: " + log);
    assertFalse(
        output.contains(adminPassword), "the admin password appeared in wirewatch's output");
    assertTrue(output.contains("ssl.truststore.password = [hidden]"), "no TLS config dump");
    assertFalse(output.contains(storePassword), "a key store password appeared in the output");
  }

  /**
   * Mutual TLS: wirewatch connects with a client certificate the cluster's CA signed and no
   * password at all; its principal is the certificate's CN, and the least-privilege ACLs are
   * granted to that principal.
   */
  @Test
  void shouldEnrichArticlesOverMutualTlsWithAclsForTheCertificatesPrincipal() throws Exception {
    String appId = "wirewatch-mtls";
    grantWirewatch(appId, "wirewatch-tls");
    Path keyStore = certificates.client("wirewatch-tls", "CN=wirewatch-tls,OU=news,O=example");
    try (Wirewatch app =
        Wirewatch.start(WirewatchConfig.of(mutualTlsConfig(appId, keyStore)), false)) {
      app.awaitRunning(Duration.ofMinutes(2));
      String id = "secure-mtls-1";
      produceAsAdmin(id, article(id));
      assertEquals("Harbour reopens after storm", awaitEnriched(id).getTitle());
    }
  }

  @Test
  void shouldFailFastNamingTlsWhenTheClientCertificateIsUntrusted() throws Exception {
    String appId = "wirewatch-untrusted";
    grantWirewatch(appId, "wirewatch-tls");
    // the same name as the trusted certificate, but signed by itself, not by the cluster's CA
    Path keyStore = certificates.untrustedClient("impostor", "CN=wirewatch-tls,OU=news,O=example");
    Properties p = mutualTlsConfig(appId, keyStore);
    Exception e = startupFailure(p);
    String chain = causes(e);
    assertTrue(chain.contains("SSL handshake failed"), chain);
    assertFalse(chain.contains(storePassword), "the message must not echo the store password");
    assertFalse(
        WirewatchConfig.of(p).toString().contains(storePassword),
        "the configuration's printed form must mask the store passwords");
  }

  /** The error wirewatch starts with; bounded, since a refused login must end start-up. */
  private static Exception startupFailure(Properties p) {
    return assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () ->
            assertThrows(
                Exception.class,
                () -> {
                  try (Wirewatch app = Wirewatch.start(WirewatchConfig.of(p), false)) {
                    app.awaitRunning(Duration.ofSeconds(45));
                  }
                }));
  }

  private Properties mutualTlsConfig(String appId, Path keyStore) throws Exception {
    Properties p = baseConfig(appId);
    p.setProperty(WirewatchConfig.BOOTSTRAP_SERVERS.key(), broker.mutualTlsBootstrapServers());
    p.setProperty("security.protocol", "SSL");
    p.remove("sasl.mechanism");
    p.setProperty("ssl.keystore.type", "PKCS12");
    p.setProperty("ssl.keystore.location", keyStore.toString());
    p.setProperty("ssl.keystore.password", storePassword);
    p.setProperty("ssl.key.password", storePassword);
    return p;
  }

  private Properties baseConfig(String appId) throws Exception {
    Properties p = new Properties();
    p.setProperty(WirewatchConfig.BOOTSTRAP_SERVERS.key(), broker.bootstrapServers());
    p.setProperty(WirewatchConfig.APPLICATION_ID.key(), appId);
    p.setProperty(
        WirewatchConfig.STATE_DIR.key(), Files.createTempDirectory(dir, "state-").toString());
    p.setProperty(WirewatchConfig.TOPIC_PARTITIONS.key(), "2");
    p.setProperty("security.protocol", "SASL_SSL");
    p.setProperty("sasl.mechanism", "SCRAM-SHA-512");
    trustTheClustersCa(p);
    return p;
  }

  /**
   * What the {@code wirewatch} user needs for one application id, and no more: its {@code news.}
   * topics read, written and described (describing is how start-up sees they exist, so it never
   * tries to create them); everything on topics and groups named after the application id (Kafka
   * Streams' internal topics and its consumer group); and WRITE/DESCRIBE on transactional ids with
   * that prefix (exactly_once_v2). No IDEMPOTENT_WRITE on the cluster: since Kafka 3.0 (KIP-679) a
   * producer with WRITE on a topic may be idempotent without it, and this test proves it.
   */
  private void grantWirewatch(String appId, String principal) throws Exception {
    List<AclBinding> acls = new ArrayList<>();
    for (String topic : Topics.ALL) {
      for (AclOperation op :
          List.of(AclOperation.READ, AclOperation.WRITE, AclOperation.DESCRIBE)) {
        acls.add(allow(principal, ResourceType.TOPIC, topic, PatternType.LITERAL, op));
      }
    }
    acls.add(allow(principal, ResourceType.TOPIC, appId, PatternType.PREFIXED, AclOperation.ALL));
    acls.add(allow(principal, ResourceType.GROUP, appId, PatternType.PREFIXED, AclOperation.ALL));
    for (AclOperation op : List.of(AclOperation.WRITE, AclOperation.DESCRIBE)) {
      acls.add(allow(principal, ResourceType.TRANSACTIONAL_ID, appId, PatternType.PREFIXED, op));
    }
    try (Admin admin = Admin.create(admin())) {
      admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
      // ACLs reach the authorizer through the metadata log; wait until they are visible
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  admin
                      .describeAcls(org.apache.kafka.common.acl.AclBindingFilter.ANY)
                      .values()
                      .get()
                      .containsAll(acls));
    }
  }

  private static AclBinding allow(
      String principal, ResourceType type, String name, PatternType pattern, AclOperation op) {
    return new AclBinding(
        new ResourcePattern(type, name, pattern),
        new AccessControlEntry("User:" + principal, "*", op, AclPermissionType.ALLOW));
  }

  private Properties admin() {
    Properties p = new Properties();
    p.put("bootstrap.servers", broker.bootstrapServers());
    p.put("security.protocol", "SASL_SSL");
    p.put("sasl.mechanism", "SCRAM-SHA-512");
    p.put(
        "sasl.jaas.config",
        SCRAM + " required username=\"admin\" password=\"" + adminPassword + "\";");
    trustTheClustersCa(p);
    return p;
  }

  private void trustTheClustersCa(Properties p) {
    p.put("ssl.truststore.type", "PKCS12");
    p.put("ssl.truststore.location", certificates.trustStore().toString());
    p.put("ssl.truststore.password", storePassword);
  }

  private void produceAsAdmin(String key, String value) throws Exception {
    Properties p = admin();
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      producer
          .send(
              new ProducerRecord<>(
                  Topics.RAW.name(),
                  key.getBytes(StandardCharsets.UTF_8),
                  value.getBytes(StandardCharsets.UTF_8)))
          .get(30, TimeUnit.SECONDS);
    }
  }

  /** The enriched record of one article, read committed, as a downstream consumer would. */
  private EnrichedArticle awaitEnriched(String id) {
    Properties p = admin();
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<EnrichedArticle> found = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> c =
        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> parts = new ArrayList<>();
      c.partitionsFor(Topics.ENRICHED.name(), Duration.ofSeconds(30))
          .forEach(i -> parts.add(new TopicPartition(i.topic(), i.partition())));
      c.assign(parts);
      c.seekToBeginning(parts);
      await()
          .atMost(Duration.ofSeconds(90))
          .until(
              () -> {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(500))) {
                  if (r.key() != null && id.equals(new String(r.key(), StandardCharsets.UTF_8))) {
                    found.add(ENRICHED.decode(r.value()));
                  }
                }
                return !found.isEmpty();
              });
    }
    return found.get(0);
  }

  private static String article(String id) {
    var o = JsonViews.MAPPER.createObjectNode();
    o.put("id", id);
    o.put("source", "secure.example");
    o.put("title", "Harbour reopens after storm");
    o.put("body", "The harbour reopened on Monday after the storm damaged two of its piers.");
    return JsonViews.write(o);
  }

  private static String causes(Throwable t) {
    StringBuilder sb = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      sb.append(c.getClass().getName()).append(": ").append(c.getMessage()).append('\n');
    }
    return sb.toString();
  }
}
