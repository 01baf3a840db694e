package com.weegigs.events.runtime.internal.auth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.weegigs.events.runtime.Principal;
import com.weegigs.events.runtime.error.UnauthenticatedException;
import com.weegigs.events.runtime.service.AuthenticationConfig;
import java.io.IOException;
import java.net.MalformedURLException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies the bearer token of a request and answers its {@link Principal}, or refuses it with
 * {@code UNAUTHENTICATED}. The algorithms are those of the configuration, never the token header's;
 * a refusal says only that the token is missing or not valid (the reason is logged at debug level,
 * without the token).
 */
public final class Authenticator {
  private static final Logger LOG = LoggerFactory.getLogger("com.weegigs.events.runtime.NatsService");
  private static final String BEARER = "bearer ";
  /** A JWKS fetched over HTTP: connect and read timeouts, and the largest set read. */
  private static final int HTTP_TIMEOUT_MILLIS = 2_000;
  private static final int JWKS_SIZE_LIMIT = 256 * 1024;
  private static final long JWKS_REFRESH_TIMEOUT_MILLIS = 5_000;

  private final DefaultJWTProcessor<SecurityContext> processor;
  private final String rolesClaim;
  private final int maxHeaderLength;

  private Authenticator(DefaultJWTProcessor<SecurityContext> processor, String rolesClaim, int maxTokenBytes) {
    this.processor = processor;
    this.rolesClaim = rolesClaim;
    this.maxHeaderLength = BEARER.length() + maxTokenBytes;
  }

  /**
   * An authenticator for {@code config}, reading its keys now (a PEM key or a JWKS file; a JWKS URL
   * is fetched when first needed).
   *
   * @param clock the service's clock, against which {@code exp} and {@code nbf} are checked
   * @throws IllegalArgumentException when the key cannot be read, saying why
   */
  public static Authenticator of(AuthenticationConfig config, Clock clock) {
    Set<JWSAlgorithm> algorithms = new LinkedHashSet<>();
    for (AuthenticationConfig.Algorithm algorithm : config.algorithms()) {
      algorithms.add(JWSAlgorithm.parse(algorithm.name()));
    }
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    // plain JWT and RFC 9068 access tokens; anything else (a JWE, a JOSE object of another type) is refused
    processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, keys(config)));
    DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
        config.audiences(), new JWTClaimsSet.Builder().issuer(config.issuer()).build(), Set.of("sub", "exp"), null) {
      @Override
      protected Date currentTime() {
        return new Date(clock.millis());
      }
    };
    claims.setMaxClockSkew((int) config.clockSkew().toSeconds());
    processor.setJWTClaimsSetVerifier(claims);
    return new Authenticator(processor, config.rolesClaim(), config.maxTokenBytes());
  }

  /**
   * The caller that the {@code Authorization} header proves.
   *
   * @param authorization the header's values (none, or one {@code Bearer <token>})
   * @throws UnauthenticatedException when there is no token, or it is not valid
   */
  public Principal authenticate(List<String> authorization) {
    if (authorization == null || authorization.isEmpty()) {
      throw new UnauthenticatedException("this request needs an Authorization header with a bearer token");
    }
    String header = authorization.get(0);
    if (authorization.size() > 1) {
      throw refused("more than one Authorization header");
    }
    if (header == null || header.length() > maxHeaderLength) {
      throw refused("the token is longer than the limit");
    }
    if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw refused("the Authorization header is not a bearer token");
    }
    String token = header.substring(BEARER.length()).trim();
    JWTClaimsSet claims;
    try {
      claims = processor.process(token, null);
    } catch (ParseException | com.nimbusds.jose.proc.BadJOSEException | com.nimbusds.jose.JOSEException e) {
      throw refused(e.getMessage());
    } catch (RuntimeException e) {
      // a token crafted to upset the parser is still only a token that is not valid
      throw refused(e.getClass().getSimpleName());
    }
    String subject = claims.getSubject();
    if (subject == null || subject.isBlank()) {
      throw refused("the token's subject is blank");
    }
    return new Principal(subject, roles(claims.getClaim(rolesClaim)));
  }

  /** The roles of a claim: a JSON array of strings, or one string of space-separated roles. */
  private static Set<String> roles(Object claim) {
    Set<String> roles = new LinkedHashSet<>();
    if (claim instanceof String text) {
      for (String role : text.trim().split("\\s+")) {
        if (!role.isEmpty()) {
          roles.add(role);
        }
      }
    } else if (claim instanceof Collection<?> values) {
      for (Object value : values) {
        if (value instanceof String role && !role.isBlank()) {
          roles.add(role);
        }
      }
    }
    return roles;
  }

  private static UnauthenticatedException refused(String reason) {
    LOG.debug("refused a bearer token: {}", reason);
    return new UnauthenticatedException("the bearer token is not valid");
  }

  private static JWKSource<SecurityContext> keys(AuthenticationConfig config) {
    AuthenticationConfig.KeySource source = config.keySource();
    if (source instanceof AuthenticationConfig.HmacSecret hmac) {
      return new ImmutableSecret<>(hmac.secret());
    }
    if (source instanceof AuthenticationConfig.PublicKeyPem pem) {
      JWK key = publicJwk(pem.pem());
      AuthenticationConfig.Algorithm fits = key instanceof RSAKey ? AuthenticationConfig.Algorithm.RS256
          : AuthenticationConfig.Algorithm.ES256;
      if (!config.algorithms().equals(Set.of(fits))) {
        throw new IllegalArgumentException("the public key is " + (key instanceof RSAKey ? "an RSA" : "an EC")
            + " key, which verifies " + fits + " only, not " + config.algorithms());
      }
      // the one key verifies every token, whatever kid its header names
      List<JWK> only = List.of(key);
      return (selector, context) -> only;
    }
    if (source instanceof AuthenticationConfig.JwksFile file) {
      try {
        return new ImmutableJWKSet<>(publicOnly(JWKSet.load(file.path().toFile())));
      } catch (IOException | ParseException e) {
        throw new IllegalArgumentException("cannot read the JWKS file " + file.path() + ": " + e.getMessage(), e);
      }
    }
    AuthenticationConfig.JwksUrl url = (AuthenticationConfig.JwksUrl) source;
    try {
      return JWKSourceBuilder.<SecurityContext>create(url.uri().toURL(),
              new DefaultResourceRetriever(HTTP_TIMEOUT_MILLIS, HTTP_TIMEOUT_MILLIS, JWKS_SIZE_LIMIT))
          .cache(url.cacheTtl().toMillis(), JWKS_REFRESH_TIMEOUT_MILLIS)
          .build();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new IllegalArgumentException("the JWKS URL " + url.uri() + " is not valid: " + e.getMessage(), e);
    }
  }

  /** The key set without secret keys: a set that also holds an HMAC key must not let HS256 in. */
  private static JWKSet publicOnly(JWKSet set) {
    List<JWK> keys = set.getKeys().stream().filter(key -> key instanceof RSAKey || key instanceof ECKey)
        .map(JWK::toPublicJWK).toList();
    return new JWKSet(keys);
  }

  /** The JWK of a PEM public key: RSA, or EC on P-256. */
  static JWK publicJwk(String pem) {
    String body = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
    byte[] der;
    try {
      der = Base64.getDecoder().decode(body);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the public key is not PEM (-----BEGIN PUBLIC KEY----- and base64)", e);
    }
    PublicKey key = null;
    for (String algorithm : new String[] {"RSA", "EC"}) {
      try {
        key = KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
        break;
      } catch (GeneralSecurityException notThisKind) {
        // try the next kind of key
      }
    }
    if (key instanceof RSAPublicKey rsa) {
      return new RSAKey.Builder(rsa).build();
    }
    if (key instanceof ECPublicKey ec) {
      Curve curve = Curve.forECParameterSpec(ec.getParams());
      if (!Curve.P_256.equals(curve)) {
        throw new IllegalArgumentException("the EC public key is on " + curve + ", not P-256 (ES256)");
      }
      return new ECKey.Builder(curve, ec).build();
    }
    throw new IllegalArgumentException("the public key is neither an RSA nor an EC key in X.509 (SubjectPublicKeyInfo) form");
  }
}
