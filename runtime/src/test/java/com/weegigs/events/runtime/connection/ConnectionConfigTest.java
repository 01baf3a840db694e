package com.weegigs.events.runtime.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.runtime.fixtures.TestJwts;
import com.weegigs.events.runtime.fixtures.TestPki;
import io.nats.client.NKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** The connection security records check their values, files included, and name the setting at fault. */
class ConnectionConfigTest {
  @TempDir
  Path directory;

  @Test
  void userPasswordNamesEveryProblemAndHidesThePassword() {
    assertInvalid(() -> NatsAuth.userPassword(" ", ""), "invalid UserPassword: user must not be blank; password must not be empty");
    String shown = NatsAuth.userPassword("svc", "s3cret").toString();
    assertFalse(shown.contains("s3cret"), shown);
  }

  @Test
  void tokenMustNotBeBlankAndIsNotShown() {
    assertInvalid(() -> NatsAuth.token(""), "invalid Token: token must not be blank");
    assertEquals("Token[***]", NatsAuth.token("secret").toString());
  }

  @Test
  void nkeySeedMustBeAUserSeed() throws Exception {
    assertInvalid(() -> NatsAuth.nkeySeed("SUnot-a-seed"), "invalid NKeySeed: seed is not an NKey seed (SU...)");
    NKey account = NKey.createAccount(new SecureRandom());
    assertInvalid(() -> NatsAuth.nkeySeed(new String(account.getSeed())), "is an NKey seed of a ACCOUNT, not of a user");
    NKey user = NKey.createUser(new SecureRandom());
    NatsAuth.NKeySeed seed = NatsAuth.nkeySeed(new String(user.getSeed()));
    assertEquals(new String(user.getPublicKey()), seed.publicKey());
    assertFalse(seed.toString().contains(new String(user.getSeed())));
  }

  @Test
  void nkeySeedFileIsReadAndChecked() throws Exception {
    NKey user = NKey.createUser(new SecureRandom());
    Path file = Files.writeString(directory.resolve("user.nk"), "# a user\n" + new String(user.getSeed()) + "\n");
    assertEquals(new String(user.getPublicKey()), NatsAuth.nkeySeedFile(file).publicKey());
    assertInvalid(() -> NatsAuth.nkeySeedFile(directory.resolve("missing.nk")), "seed file " + directory.resolve("missing.nk") + " does not exist");
    Path empty = Files.writeString(directory.resolve("empty.nk"), "nothing here\n");
    assertInvalid(() -> NatsAuth.nkeySeedFile(empty), "holds no NKey user seed");
  }

  @Test
  void credentialsFileMustHoldAJwtAndASeed() throws Exception {
    Path good = TestJwts.create().userCredentials(directory.resolve("user.creds"), Duration.ZERO, null);
    assertEquals(good, NatsAuth.credentials(good).path());
    assertInvalid(() -> NatsAuth.credentials(directory.resolve("missing.creds")), "invalid CredentialsFile: path ");
    Path broken = Files.writeString(directory.resolve("broken.creds"), "-----BEGIN USER NKEY SEED-----\nSUbroken\n------END USER NKEY SEED------\n");
    assertInvalid(() -> NatsAuth.credentials(broken),
        "holds no user JWT (a -----BEGIN NATS USER JWT----- block); the seed in " + broken + " is not an NKey seed");
  }

  @Test
  void tlsConfigReadsItsFilesAndNamesEachBadOne() throws Exception {
    TestPki pki = TestPki.authority(directory, "ca");
    TestPki.Issued client = pki.client("client");
    TlsConfig tls = TlsConfig.trusting(pki.caFile()).withClientCertificate(client.certificate(), client.key());
    assertTrue(tls.verifyHostname());
    assertFalse(tls.withoutHostnameVerification().verifyHostname());

    Path notACertificate = Files.writeString(directory.resolve("text.pem"), "hello\n");
    Path missing = directory.resolve("missing.pem");
    assertInvalid(() -> new TlsConfig(notACertificate, missing, client.key(), true),
        "caFile " + notACertificate + " is not an X.509 certificate in PEM", "certificateFile " + missing + " does not exist");
    assertInvalid(() -> TlsConfig.trusting(pki.caFile()).withClientCertificate(client.certificate(), notACertificate),
        "keyFile " + notACertificate + " is not an unencrypted PKCS#8 PEM private key");
    TestPki.Issued other = pki.client("other");
    assertInvalid(() -> TlsConfig.trusting(pki.caFile()).withClientCertificate(client.certificate(), other.key()),
        "keyFile " + other.key() + " is not the private key of certificateFile " + client.certificate());
    assertInvalid(() -> new TlsConfig(pki.caFile(), client.certificate(), null, true), "certificateFile and keyFile go together");
  }

  private static void assertInvalid(Executable executable, String... expected) {
    IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, executable);
    for (String text : expected) {
      assertTrue(failure.getMessage().contains(text), "'" + text + "' in: " + failure.getMessage());
    }
  }
}
