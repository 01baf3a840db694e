package com.weegigs.events.runtime.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.weegigs.events.runtime.client.CallOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthenticationConfigTest {
  private static final byte[] SECRET = "a shared secret of at least 32 bytes".getBytes(StandardCharsets.UTF_8);

  @Test
  void theFactoriesHaveTheDocumentedDefaults() {
    AuthenticationConfig config = AuthenticationConfig.hmac(SECRET, "iss", "aud");

    assertEquals(Set.of(AuthenticationConfig.Algorithm.HS256), config.algorithms());
    assertEquals(Duration.ofSeconds(60), config.clockSkew());
    assertEquals("roles", config.rolesClaim());
    assertEquals(8192, config.maxTokenBytes());
    assertEquals(Set.of(AuthenticationConfig.Algorithm.RS256, AuthenticationConfig.Algorithm.ES256),
        AuthenticationConfig.jwksFile(Path.of("jwks.json"), "iss", "aud").algorithms());
  }

  @Test
  void everyProblemIsNamedAtOnce() {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new AuthenticationConfig(
        " ", Set.of(), Set.of(), null, Duration.ofMinutes(11), "", 10));

    assertEquals("invalid AuthenticationConfig: issuer must not be blank; audiences must name at least one audience; "
        + "algorithms must name at least one algorithm, and no null; keySource is required; clockSkew must be between 0 "
        + "and 10 minutes, was PT11M; rolesClaim must not be blank; maxTokenBytes must be between 256 and 65536, was 10",
        refused.getMessage());
  }

  @Test
  void hs256OnlyWithAnHmacSecretOfAtLeast32Bytes() {
    assertEquals("invalid AuthenticationConfig: an HMAC secret must be at least 32 bytes, was 5",
        assertThrows(IllegalArgumentException.class,
            () -> AuthenticationConfig.hmac("short".getBytes(StandardCharsets.UTF_8), "iss", "aud")).getMessage());
    assertEquals("invalid AuthenticationConfig: HS256 needs an HMAC secret; public keys and key sets verify RS256 and "
        + "ES256 only", assertThrows(IllegalArgumentException.class, () -> AuthenticationConfig.jwksFile(
            Path.of("jwks.json"), "iss", "aud").withAlgorithms(AuthenticationConfig.Algorithm.HS256)).getMessage());
    assertEquals("invalid AuthenticationConfig: an HMAC secret verifies HS256 only, not [RS256]",
        assertThrows(IllegalArgumentException.class, () -> AuthenticationConfig.hmac(SECRET, "iss", "aud")
            .withAlgorithms(AuthenticationConfig.Algorithm.RS256)).getMessage());
  }

  @Test
  void aJwksUrlIsHttpWithAPositiveTtl() {
    assertEquals("invalid AuthenticationConfig: a JWKS URL must be https (or http), was file:/etc/jwks.json; "
        + "the JWKS cache TTL must be positive, was PT0S", assertThrows(IllegalArgumentException.class,
            () -> AuthenticationConfig.jwksUrl(URI.create("file:/etc/jwks.json"), Duration.ZERO, "iss", "aud")).getMessage());
  }

  @Test
  void secretsAndTokensAreNeverPrinted() {
    AuthenticationConfig config = AuthenticationConfig.hmac(SECRET, "iss", "aud");
    assertFalse(config.toString().contains("shared secret"), config.toString());
    assertEquals(new AuthenticationConfig.HmacSecret(SECRET.clone()), config.keySource());

    CallOptions options = CallOptions.DEFAULT.withBearerToken("eyJhbGciOi.secret.sig");
    assertFalse(options.toString().contains("secret"), options.toString());
    assertEquals("eyJhbGciOi.secret.sig", options.bearerToken());
    assertEquals("invalid call options are named: bearerToken must be a bearer token (letters, digits and -._~+/, then "
        + "optional =)", "invalid call options are named: " + assertThrows(IllegalArgumentException.class,
            () -> CallOptions.DEFAULT.withBearerToken("two words")).getMessage());
  }
}
