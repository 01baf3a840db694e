package com.weegigs.events.runtime.internal.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the files of a connection's security settings with the JDK alone: PEM certificates,
 * unencrypted PKCS#8 PEM private keys, and the blocks of a NATS credentials file. Each method
 * throws {@link IllegalArgumentException} with a message that says what the file is not, for the
 * configuration records to prefix with the setting's name.
 */
public final class Pem {
  private static final Pattern PRIVATE_KEY = Pattern.compile(
      "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");
  private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519");

  private Pem() {}

  /**
   * The line after the {@code BEGIN} marker of a credentials file's block.
   *
   * @param text the file's text
   * @param kind {@code JWT} for the user JWT, {@code SEED} for the NKey seed
   * @return the block's value, or {@code null} when there is none
   */
  public static String natsBlock(String text, String kind) {
    String[] lines = text.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.contains("BEGIN") && line.contains(kind) && line.startsWith("---")) {
        for (int j = i + 1; j < lines.length; j++) {
          String value = lines[j].strip();
          if (value.startsWith("---")) {
            return null;
          }
          if (!value.isEmpty()) {
            return value;
          }
        }
      }
    }
    return null;
  }

  /**
   * The X.509 certificates of a PEM (or DER) file, in order.
   *
   * @throws IllegalArgumentException when it cannot be read or holds no certificate
   */
  public static List<X509Certificate> certificates(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      List<X509Certificate> certificates = new ArrayList<>();
      for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        certificates.add((X509Certificate) certificate);
      }
      if (certificates.isEmpty()) {
        throw new IllegalArgumentException(file + " holds no X.509 certificate (-----BEGIN CERTIFICATE-----)");
      }
      return certificates;
    } catch (IOException e) {
      throw new IllegalArgumentException(file + " cannot be read: " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(file + " is not an X.509 certificate in PEM: " + e.getMessage(), e);
    }
  }

  /**
   * The private key of an unencrypted PKCS#8 PEM file ({@code -----BEGIN PRIVATE KEY-----}): RSA,
   * EC or Ed25519.
   *
   * @throws IllegalArgumentException when it cannot be read or is not such a key
   */
  public static PrivateKey privateKey(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + " cannot be read: " + e.getMessage(), e);
    }
    Matcher matcher = PRIVATE_KEY.matcher(text);
    if (!matcher.find()) {
      throw new IllegalArgumentException(file + " is not an unencrypted PKCS#8 PEM private key (-----BEGIN PRIVATE KEY-----);"
          + " convert one with: openssl pkcs8 -topk8 -nocrypt -in key.pem -out key.pk8.pem");
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(matcher.group(1));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + " holds a private key that is not valid base64", e);
    }
    for (String algorithm : KEY_ALGORITHMS) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // not this algorithm: try the next
      }
    }
    throw new IllegalArgumentException(file + " holds a private key that is not RSA, EC or Ed25519 in PKCS#8");
  }

  /** Whether {@code key} is the private key of {@code certificate}'s public key (it signs what the certificate verifies). */
  public static boolean matches(PrivateKey key, X509Certificate certificate) {
    String algorithm = switch (key.getAlgorithm()) {
      case "RSA" -> "SHA256withRSA";
      case "EC" -> "SHA256withECDSA";
      default -> key.getAlgorithm();
    };
    byte[] probe = "wee-events key check".getBytes(StandardCharsets.US_ASCII);
    try {
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(probe);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
