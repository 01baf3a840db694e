package com.weegigs.events.runtime.connection;

import com.weegigs.events.runtime.internal.client.Pem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * TLS for a NATS connection: which certificate authorities to trust, an optional client
 * certificate (for servers that verify clients, {@code tls { verify: true }}), and whether the
 * server's certificate must name the host connected to. Given to {@code NatsService.Builder.withTls}
 * or {@code ServiceClient.Builder.withTls}. The constructor reads every file and names every
 * problem at once: a missing file, a CA or certificate that is not an X.509 certificate, a key that
 * is not an unencrypted PKCS#8 PEM key, or one that does not belong to the certificate.
 *
 * @param caFile PEM file of the CA certificates to trust, or {@code null} for the JDK's trust store
 * @param certificateFile PEM client certificate (its chain may follow it), or {@code null} for none
 * @param keyFile the client certificate's private key, unencrypted PKCS#8 PEM
 *     ({@code -----BEGIN PRIVATE KEY-----}); given exactly when {@code certificateFile} is
 * @param verifyHostname whether the server's certificate must match the host name (or IP
 *     address) of the URL connected to; on by default
 */
public record TlsConfig(Path caFile, Path certificateFile, Path keyFile, boolean verifyHostname) {

  /** @throws IllegalArgumentException naming every problem with the files */
  public TlsConfig {
    List<String> problems = new ArrayList<>();
    if (caFile != null) {
      read(problems, "caFile", caFile, Pem::certificates);
    }
    if ((certificateFile == null) != (keyFile == null)) {
      problems.add("certificateFile and keyFile go together: give both or neither");
    } else if (certificateFile != null) {
      List<X509Certificate> chain = read(problems, "certificateFile", certificateFile, Pem::certificates);
      PrivateKey key = read(problems, "keyFile", keyFile, Pem::privateKey);
      if (chain != null && key != null && !Pem.matches(key, chain.get(0))) {
        problems.add("keyFile " + keyFile + " is not the private key of certificateFile " + certificateFile);
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid TlsConfig: " + String.join("; ", problems));
    }
  }

  /** TLS trusting the CA certificates in {@code caFile}, verifying the host name, without a client certificate. */
  public static TlsConfig trusting(Path caFile) {
    if (caFile == null) {
      throw new IllegalArgumentException("invalid TlsConfig: caFile must be given (systemTrust() uses the JDK's trust store)");
    }
    return new TlsConfig(caFile, null, null, true);
  }

  /** TLS trusting the JDK's trust store, verifying the host name, without a client certificate. */
  public static TlsConfig systemTrust() {
    return new TlsConfig(null, null, null, true);
  }

  /** This configuration presenting a client certificate and its key (mutual TLS). */
  public TlsConfig withClientCertificate(Path certificateFile, Path keyFile) {
    if (certificateFile == null || keyFile == null) {
      throw new IllegalArgumentException("invalid TlsConfig: certificateFile and keyFile must both be given");
    }
    return new TlsConfig(caFile, certificateFile, keyFile, verifyHostname);
  }

  /**
   * This configuration without host name verification: any certificate a trusted CA signed is
   * accepted, whatever host it names. For servers reached by an address their certificate does not
   * list; prefer a certificate that names it.
   */
  public TlsConfig withoutHostnameVerification() {
    return new TlsConfig(caFile, certificateFile, keyFile, false);
  }

  /** Reads one file setting, adding the problem (named by the setting) instead of throwing. */
  private static <T> T read(List<String> problems, String setting, Path file, java.util.function.Function<Path, T> reader) {
    if (!Files.isRegularFile(file)) {
      problems.add(setting + " " + file + " does not exist or is not a file");
      return null;
    }
    try {
      return reader.apply(file);
    } catch (IllegalArgumentException e) {
      problems.add(setting + " " + e.getMessage());
      return null;
    }
  }
}
