package io.wirewatch.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Certificates made at test time with the JDK's {@code keytool}: a CA, a broker certificate for
 * localhost and 127.0.0.1, client certificates the CA signs, and a self-signed one it does not.
 * Every store is PKCS12 under one password.
 */
final class TestCertificates {

  private final Path dir;
  private final String password;

  /** Creates the CA, its trust store and the broker's key store in {@code dir}. */
  TestCertificates(Path dir, String password) throws Exception {
    this.dir = Files.createDirectories(dir);
    this.password = password;
    keyPair("ca", "CN=wirewatch test CA", "-ext", "bc:c");
    keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", store("ca"), "-file", pem("ca"));
    keytool(
        "-importcert",
        "-noprompt",
        "-alias",
        "ca",
        "-file",
        pem("ca"),
        "-keystore",
        store("truststore"));
    signed("broker", "CN=localhost", "SAN=dns:localhost,ip:127.0.0.1");
  }

  String password() {
    return password;
  }

  Path trustStore() {
    return dir.resolve("truststore.p12");
  }

  Path brokerKeyStore() {
    return dir.resolve("broker.p12");
  }

  /** A client key store whose certificate, for {@code dname}, the CA signed. */
  Path client(String name, String dname) throws Exception {
    signed(name, dname, null);
    return dir.resolve(name + ".p12");
  }

  /** A client key store with a self-signed certificate: the broker trusts no one who signed it. */
  Path untrustedClient(String name, String dname) throws Exception {
    keyPair(name, dname);
    return dir.resolve(name + ".p12");
  }

  private void signed(String name, String dname, String extension) throws Exception {
    keyPair(name, dname);
    Path csr = dir.resolve(name + ".csr");
    keytool("-certreq", "-alias", name, "-keystore", store(name), "-file", csr.toString());
    List<String> sign =
        new ArrayList<>(
            List.of(
                "-gencert",
                "-rfc",
                "-alias",
                "ca",
                "-keystore",
                store("ca"),
                "-validity",
                "2",
                "-infile",
                csr.toString(),
                "-outfile",
                pem(name)));
    if (extension != null) {
      sign.add("-ext");
      sign.add(extension);
    }
    keytool(sign.toArray(String[]::new));
    // the chain: the CA first, so that the signed certificate can replace the self-signed one
    keytool(
        "-importcert", "-noprompt", "-alias", "ca", "-file", pem("ca"), "-keystore", store(name));
    keytool("-importcert", "-alias", name, "-file", pem(name), "-keystore", store(name));
  }

  /** A key store holding a new key pair and its self-signed certificate. */
  private void keyPair(String name, String dname, String... extra) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "-genkeypair",
                "-alias",
                name,
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "2",
                "-dname",
                dname,
                "-keystore",
                store(name)));
    args.addAll(List.of(extra));
    keytool(args.toArray(String[]::new));
  }

  private String store(String name) {
    return dir.resolve(name + ".p12").toString();
  }

  private String pem(String name) {
    return dir.resolve(name + ".pem").toString();
  }

  private void keytool(String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    cmd.addAll(List.of(args));
    cmd.addAll(List.of("-storetype", "PKCS12", "-storepass", password));
    if (args[0].equals("-genkeypair")) {
      cmd.addAll(List.of("-keypass", password));
    }
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("keytool " + args[0] + " failed: " + out);
    }
  }
}
