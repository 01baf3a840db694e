package com.weegigs.events.runtime.service;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Per-request authentication ({@code NatsService.Builder.withAuthentication}): every command and
 * query must carry {@code Authorization: Bearer <JWT>}, and the service verifies the token before
 * it acts on the request. A token is accepted when it is at most {@code maxTokenBytes} long, is a
 * signed JWT (never {@code alg: none}) whose algorithm is one of {@code algorithms} (the header's
 * {@code alg} chooses nothing: a token signed otherwise is refused), its signature verifies with the
 * configured key, it has a subject ({@code sub}) and an expiry ({@code exp}) that has not passed,
 * its {@code nbf} (when present) has come, its {@code iss} is {@code issuer} and its {@code aud}
 * names one of {@code audiences}; times are compared with {@code clockSkew} of tolerance, by the
 * service's clock. Anything else is {@code UNAUTHENTICATED}, with no detail of what was wrong.
 *
 * <p>The caller's roles are the {@code rolesClaim} claim: a JSON array of strings, or a string of
 * space-separated roles (so {@code rolesClaim = "scope"} reads OAuth scopes).
 *
 * <pre>{@code
 * AuthenticationConfig auth = AuthenticationConfig
 *     .jwksUrl(URI.create("https://login.example.com/.well-known/jwks.json"), Duration.ofMinutes(5),
 *         "https://login.example.com/", "receipts")
 *     .withClockSkew(Duration.ofSeconds(30));
 * }</pre>
 *
 * @param issuer the only accepted {@code iss}, not blank
 * @param audiences the accepted {@code aud} values: a token must name at least one; not empty
 * @param algorithms the accepted signature algorithms, fitting the key source: {@link Algorithm#HS256}
 *     only for an {@link HmacSecret}, {@link Algorithm#RS256} and {@link Algorithm#ES256} for the others
 * @param keySource where the verification keys come from
 * @param clockSkew tolerance when checking {@code exp} and {@code nbf}: 0 to 10 minutes
 * @param rolesClaim the claim that holds the caller's roles, not blank
 * @param maxTokenBytes longer tokens are refused before they are parsed: 256 to 65536
 */
public record AuthenticationConfig(
    String issuer,
    Set<String> audiences,
    Set<Algorithm> algorithms,
    KeySource keySource,
    Duration clockSkew,
    String rolesClaim,
    int maxTokenBytes) {

  /** Default tolerance when checking {@code exp} and {@code nbf}: 60 seconds. */
  public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);

  /** Default roles claim: {@code roles}. */
  public static final String DEFAULT_ROLES_CLAIM = "roles";

  /** Default longest token: 8 KiB. */
  public static final int DEFAULT_MAX_TOKEN_BYTES = 8 * 1024;

  /** Default time a JWKS fetched from a URL is kept: 5 minutes. */
  public static final Duration DEFAULT_JWKS_CACHE_TTL = Duration.ofMinutes(5);

  /** The shortest HMAC secret: 32 bytes, the 256 bits HS256 needs. */
  public static final int MIN_HMAC_SECRET_BYTES = 32;

  /** The JWS algorithms a service may accept. */
  public enum Algorithm {
    /** HMAC with SHA-256, a shared secret. */
    HS256,
    /** RSASSA-PKCS1-v1_5 with SHA-256, an RSA public key. */
    RS256,
    /** ECDSA on P-256 with SHA-256, an EC public key. */
    ES256
  }

  /** Where the keys that verify tokens come from. */
  public sealed interface KeySource permits HmacSecret, PublicKeyPem, JwksFile, JwksUrl {}

  /**
   * A shared HMAC secret (for {@link Algorithm#HS256}), at least {@value #MIN_HMAC_SECRET_BYTES}
   * bytes; kept as a copy, and never printed.
   *
   * @param secret the secret's bytes
   */
  public record HmacSecret(byte[] secret) implements KeySource {
    public HmacSecret {
      secret = Objects.requireNonNull(secret, "secret").clone();
    }

    /** A copy of the secret's bytes. */
    @Override
    public byte[] secret() {
      return secret.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof HmacSecret that && Arrays.equals(secret, that.secret);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(secret);
    }

    @Override
    public String toString() {
      return "HmacSecret[" + secret.length + " bytes]";
    }
  }

  /**
   * One public key in PEM ({@code -----BEGIN PUBLIC KEY-----}, X.509 SubjectPublicKeyInfo): an RSA
   * key for {@link Algorithm#RS256}, or a P-256 EC key for {@link Algorithm#ES256}. Read when the
   * service starts.
   *
   * @param pem the PEM text
   */
  public record PublicKeyPem(String pem) implements KeySource {
    public PublicKeyPem {
      Objects.requireNonNull(pem, "pem");
    }
  }

  /**
   * A JSON Web Key Set in a file, read when the service starts; a token's {@code kid} picks its key.
   *
   * @param path the file
   */
  public record JwksFile(Path path) implements KeySource {
    public JwksFile {
      Objects.requireNonNull(path, "path");
    }
  }

  /**
   * A JSON Web Key Set fetched over HTTP(S) when first needed and kept for {@code cacheTtl}; a token
   * whose {@code kid} is not in the kept set makes the service fetch the set again (at most once
   * every 30 seconds), so rotated keys are picked up.
   *
   * @param uri where the set is, {@code https} (or {@code http})
   * @param cacheTtl how long a fetched set is kept, positive
   */
  public record JwksUrl(URI uri, Duration cacheTtl) implements KeySource {
    public JwksUrl {
      Objects.requireNonNull(uri, "uri");
      Objects.requireNonNull(cacheTtl, "cacheTtl");
    }
  }

  /** @throws IllegalArgumentException naming every problem */
  public AuthenticationConfig {
    audiences = audiences == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(audiences));
    algorithms = algorithms == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(algorithms));
    ConfigProblems problems = new ConfigProblems("AuthenticationConfig")
        .check(issuer == null || issuer.isBlank(), "issuer must not be blank")
        .check(audiences.isEmpty(), "audiences must name at least one audience")
        .check(audiences.stream().anyMatch(audience -> audience == null || audience.isBlank()),
            "an audience must not be blank")
        .check(algorithms.isEmpty() || algorithms.contains(null), "algorithms must name at least one algorithm, and no null")
        .check(keySource == null, "keySource is required")
        .check(clockSkew == null || clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(10)) > 0,
            "clockSkew must be between 0 and 10 minutes, was " + clockSkew)
        .check(rolesClaim == null || rolesClaim.isBlank(), "rolesClaim must not be blank")
        .check(maxTokenBytes < 256 || maxTokenBytes > 65536,
            "maxTokenBytes must be between 256 and 65536, was " + maxTokenBytes);
    if (keySource instanceof HmacSecret hmac) {
      problems.check(hmac.secret.length < MIN_HMAC_SECRET_BYTES, "an HMAC secret must be at least "
              + MIN_HMAC_SECRET_BYTES + " bytes, was " + hmac.secret.length)
          .check(!algorithms.isEmpty() && !algorithms.equals(Set.of(Algorithm.HS256)),
              "an HMAC secret verifies HS256 only, not " + algorithms);
    } else if (keySource != null) {
      // a public key taken as an HMAC secret is the classic algorithm confusion: never allow it
      problems.check(algorithms.contains(Algorithm.HS256),
          "HS256 needs an HMAC secret; public keys and key sets verify RS256 and ES256 only");
    }
    if (keySource instanceof JwksUrl url) {
      String scheme = url.uri().getScheme() == null ? "" : url.uri().getScheme().toLowerCase(Locale.ROOT);
      problems.check(!scheme.equals("https") && !scheme.equals("http"),
              "a JWKS URL must be https (or http), was " + url.uri())
          .check(url.cacheTtl().isNegative() || url.cacheTtl().isZero(),
              "the JWKS cache TTL must be positive, was " + url.cacheTtl());
    }
    problems.throwIfAny();
  }

  /** Tokens signed with HS256 and {@code secret} (at least 32 bytes), from {@code issuer}, for one of {@code audiences}. */
  public static AuthenticationConfig hmac(byte[] secret, String issuer, String... audiences) {
    return of(issuer, audiences, Set.of(Algorithm.HS256), new HmacSecret(secret));
  }

  /** Tokens signed with {@code algorithm} (RS256 or ES256) by the private half of the PEM public key. */
  public static AuthenticationConfig publicKey(String pem, Algorithm algorithm, String issuer, String... audiences) {
    return of(issuer, audiences, Set.of(algorithm), new PublicKeyPem(pem));
  }

  /** Tokens signed with RS256 or ES256 by a key of the JWKS file {@code path}. */
  public static AuthenticationConfig jwksFile(Path path, String issuer, String... audiences) {
    return of(issuer, audiences, Set.of(Algorithm.RS256, Algorithm.ES256), new JwksFile(path));
  }

  /** Tokens signed with RS256 or ES256 by a key of the JWKS at {@code uri}, kept for {@code cacheTtl}. */
  public static AuthenticationConfig jwksUrl(URI uri, Duration cacheTtl, String issuer, String... audiences) {
    return of(issuer, audiences, Set.of(Algorithm.RS256, Algorithm.ES256), new JwksUrl(uri, cacheTtl));
  }

  private static AuthenticationConfig of(String issuer, String[] audiences, Set<Algorithm> algorithms, KeySource source) {
    return new AuthenticationConfig(issuer, new LinkedHashSet<>(Arrays.asList(audiences)), algorithms, source,
        DEFAULT_CLOCK_SKEW, DEFAULT_ROLES_CLAIM, DEFAULT_MAX_TOKEN_BYTES);
  }

  /** This configuration accepting only {@code algorithms} (for example only RS256 from a key set). */
  public AuthenticationConfig withAlgorithms(Algorithm... algorithms) {
    return new AuthenticationConfig(issuer, audiences, new LinkedHashSet<>(Arrays.asList(algorithms)), keySource,
        clockSkew, rolesClaim, maxTokenBytes);
  }

  /** This configuration with another tolerance for {@code exp} and {@code nbf}. */
  public AuthenticationConfig withClockSkew(Duration clockSkew) {
    return new AuthenticationConfig(issuer, audiences, algorithms, keySource, clockSkew, rolesClaim, maxTokenBytes);
  }

  /** This configuration reading roles from another claim ({@code scope} for space-separated OAuth scopes). */
  public AuthenticationConfig withRolesClaim(String rolesClaim) {
    return new AuthenticationConfig(issuer, audiences, algorithms, keySource, clockSkew, rolesClaim, maxTokenBytes);
  }

  /** This configuration refusing tokens longer than {@code maxTokenBytes}. */
  public AuthenticationConfig withMaxTokenBytes(int maxTokenBytes) {
    return new AuthenticationConfig(issuer, audiences, algorithms, keySource, clockSkew, rolesClaim, maxTokenBytes);
  }
}
