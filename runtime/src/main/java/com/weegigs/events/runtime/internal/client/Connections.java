package com.weegigs.events.runtime.internal.client;

import com.weegigs.events.runtime.connection.NatsAuth;
import com.weegigs.events.runtime.connection.TlsConfig;
import io.nats.client.AuthHandler;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Consumer;
import io.nats.client.ErrorListener;
import io.nats.client.NKey;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.support.JwtUtils;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;

/**
 * Opens the NATS connection of a service or a client that was given a URL rather than a
 * connection: one place for the options both sides share, the connection security
 * ({@link NatsAuth}, {@link TlsConfig}), and an error that says why a connection was refused.
 */
public final class Connections {
  /** How long the first connection to each server may take, TLS handshake included. */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Pattern EXPIRY = Pattern.compile("\"exp\"\\s*:\\s*(\\d+)");

  private Connections() {}

  /**
   * What a connection proves about itself and checks about the server.
   *
   * @param auth how it authenticates, or {@code null} for no credentials
   * @param tls its TLS, or {@code null} for none (unless the URL says {@code tls://})
   */
  public record Security(NatsAuth auth, TlsConfig tls) {
    /** No credentials and no TLS. */
    public static final Security NONE = new Security(null, null);

    /** This security authenticating with {@code auth}. */
    public Security withAuth(NatsAuth auth) {
      return new Security(Objects.requireNonNull(auth, "auth"), tls);
    }

    /** This security with {@code tls}. */
    public Security withTls(TlsConfig tls) {
      return new Security(auth, Objects.requireNonNull(tls, "tls"));
    }
  }

  /**
   * Connects to {@code target} (comma-separated for several servers), reconnecting without limit
   * after a disconnection, and logging connection changes through SLF4J. The first connection is
   * tried once per server: refused credentials, an untrusted certificate or an unreachable server
   * fail at once with a message that says which.
   *
   * @param target the server URL or URLs
   * @param connectionName the name the server shows for the connection
   * @param security the credentials and TLS to connect with
   * @param log where connection changes are logged
   * @param failure makes the caller's exception from a message and its cause
   * @return the open connection
   */
  public static Connection open(String target, String connectionName, Security security, Logger log,
      BiFunction<String, Exception, ? extends RuntimeException> failure) {
    LoggingListener listener = new LoggingListener(log);
    Options.Builder options = new Options.Builder()
        .servers(target.split("\\s*,\\s*"))
        .connectionName(connectionName)
        .connectionTimeout(CONNECT_TIMEOUT)
        .maxReconnects(-1)
        .reconnectWait(Duration.ofMillis(250))
        .connectionListener(listener)
        .errorListener(listener);
    try {
      applyAuth(options, security.auth());
      if (security.tls() != null) {
        options.sslContext(TlsContexts.create(security.tls()));
      }
    } catch (GeneralSecurityException | IOException | RuntimeException e) {
      throw failure.apply("cannot set up the connection security for NATS at " + target + ": " + e.getMessage(), e);
    }
    try {
      Connection connection = Nats.connect(options.build());
      if (listener.refused) {
        connection.close();
        throw new IOException("the server refused the connection: " + listener.firstProblem.getMessage(), listener.firstProblem);
      }
      return connection;
    } catch (IOException e) {
      Exception problem = listener.firstProblem;
      if (problem != null && problem != e && problem != e.getCause()) {
        e.addSuppressed(problem);
      }
      throw failure.apply("cannot connect to NATS at " + target + ": " + explain(e, problem, security), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure.apply("interrupted while connecting to NATS at " + target, e);
    }
  }

  private static void applyAuth(Options.Builder options, NatsAuth auth) {
    if (auth instanceof NatsAuth.UserPassword userPassword) {
      options.userInfo(userPassword.user(), userPassword.password());
    } else if (auth instanceof NatsAuth.Token token) {
      options.token(token.token().toCharArray());
    } else if (auth instanceof NatsAuth.NKeySeed seed) {
      options.authHandler(new NKeyAuthHandler(NKey.fromSeed(seed.seed().strip().toCharArray())));
    } else if (auth instanceof NatsAuth.CredentialsFile credentials) {
      options.authHandler(Nats.credentials(credentials.path().toString()));
    }
  }

  /**
   * Says why a first connection failed, in terms of the settings that caused it: jnats' own
   * exception often says only that no server could be reached, while the error listener saw the
   * cause (the server's {@code -ERR}, or the TLS handshake's exception).
   */
  static String explain(IOException failure, Exception problem, Security security) {
    String reason = failure.getMessage() != null ? failure.getMessage() : failure.toString();
    if (problem != null && problem.getMessage() != null && !reason.contains(problem.getMessage())) {
      reason = reason + "; " + problem.getMessage();
    }
    String lower = reason.toLowerCase(Locale.ROOT);
    if (lower.contains("expired")) {
      return "the server refused the credentials because they have expired (" + reason + "); renew the user JWT";
    }
    if (lower.contains("authorization violation") || lower.contains("authentication")) {
      Instant expiry = expiry(security.auth());
      if (expiry != null && expiry.isBefore(Instant.now())) {
        return "the server refused the credentials (" + reason + "): the user JWT of withAuth(" + security.auth()
            + ") expired at " + expiry + "; renew the user JWT";
      }
      return security.auth() == null
          ? "the server requires authentication (" + reason + "); configure it with withAuth(...)"
          : "the server refused the credentials of withAuth(" + security.auth() + ") (" + reason + ")";
    }
    Throwable tls = cause(problem != null ? problem : failure, SSLException.class);
    if (tls != null) {
      String detail = tls.getMessage() == null ? tls.toString() : tls.getMessage();
      if (detail.contains("PKIX") || detail.contains("certification path")) {
        return "TLS handshake failed: the server's certificate is not signed by a CA that withTls(...) trusts (" + detail + ")";
      }
      if (detail.contains("subject alternative") || detail.contains("No name matching")) {
        return "TLS handshake failed: the server's certificate does not name the host connected to (" + detail
            + "); connect by a name it lists, or turn hostname verification off";
      }
      return "TLS handshake failed (" + detail + ")";
    }
    if (cause(problem != null ? problem : failure, TimeoutException.class) != null) {
      return "the server did not complete the connection within " + CONNECT_TIMEOUT.toSeconds() + " s (" + reason + ")"
          + (security.tls() != null
              ? "; a server that verifies clients closes the connection when it does not trust the client certificate of withTls(...)"
              : "");
    }
    if (lower.contains("ssl") || lower.contains("tls")) {
      return security.tls() == null
          ? "the server and the client disagree about TLS (" + reason + "); configure it with withTls(...)"
          : "TLS failed (" + reason + ")";
    }
    return reason;
  }

  /** When the user JWT of a credentials file expires, or {@code null} when it does not (or there is none). */
  private static Instant expiry(NatsAuth auth) {
    if (!(auth instanceof NatsAuth.CredentialsFile credentials)) {
      return null;
    }
    try {
      String jwt = Pem.natsBlock(Files.readString(credentials.path(), StandardCharsets.UTF_8), "JWT");
      Matcher matcher = jwt == null ? null : EXPIRY.matcher(JwtUtils.getClaimBody(jwt));
      return matcher != null && matcher.find() ? Instant.ofEpochSecond(Long.parseLong(matcher.group(1))) : null;
    } catch (IOException | RuntimeException e) {
      // the explanation goes without the expiry then
      return null;
    }
  }

  private static Throwable cause(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return cause;
      }
      for (Throwable suppressed : cause.getSuppressed()) {
        Throwable found = cause(suppressed, type);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /** Signs the server's nonce with an NKey user seed, sending no JWT (NKey authentication). */
  private static final class NKeyAuthHandler implements AuthHandler {
    private final NKey key;

    NKeyAuthHandler(NKey key) {
      this.key = key;
    }

    @Override
    public byte[] sign(byte[] nonce) {
      try {
        return key.sign(nonce);
      } catch (GeneralSecurityException | IOException e) {
        throw new IllegalStateException("cannot sign with the NKey seed: " + e.getMessage(), e);
      }
    }

    @Override
    public char[] getID() {
      try {
        return key.getPublicKey();
      } catch (GeneralSecurityException | IOException e) {
        throw new IllegalStateException("cannot derive the public key of the NKey seed: " + e.getMessage(), e);
      }
    }

    @Override
    public char[] getJWT() {
      return null;
    }
  }

  /**
   * Reports connection changes and asynchronous errors through SLF4J rather than jnats' own logger,
   * and hands the server's refusals to publish to the calls waiting on them.
   */
  private static final class LoggingListener implements ConnectionListener, ErrorListener {
    private final Logger log;
    /** The first error or exception reported, which explains a failed first connection. */
    private volatile Exception firstProblem;
    /** Whether the server refused the credentials or the TLS handshake while the first connection was being made. */
    private volatile boolean refused;

    LoggingListener(Logger log) {
      this.log = log;
    }

    // jnats still declares the two-argument form abstract while deprecating it; the newer
    // four-argument form calls it by default, so one implementation serves both.
    @Override
    @SuppressWarnings("deprecation")
    public void connectionEvent(Connection connection, Events event) {
      switch (event) {
        case DISCONNECTED -> log.warn("disconnected from NATS; reconnecting");
        case RECONNECTED -> log.info("reconnected to NATS at {}", connection.getConnectedUrl());
        case CLOSED -> log.debug("NATS connection closed");
        default -> log.debug("NATS connection event {}", event);
      }
    }

    @Override
    public void errorOccurred(Connection connection, String error) {
      // a refused publish fails the calls waiting on it now rather than at their timeouts
      Requester.publishRefused(connection, error);
      remember(new IOException(error));
      if (error != null && error.toLowerCase(Locale.ROOT).contains("authorization violation")) {
        refuseFirstConnection(connection);
      }
      log.warn("NATS error: {}", error);
    }

    @Override
    public void exceptionOccurred(Connection connection, Exception exception) {
      remember(exception);
      if (cause(exception, SSLException.class) != null) {
        refuseFirstConnection(connection);
      }
      log.warn("NATS connection problem: {}", exception.toString());
    }

    /**
     * Ends a first connection the server refused (credentials, or the TLS handshake): jnats would
     * wait out the connection timeout for a PONG that never comes. Closing, off this callback
     * thread, ends it at once, and {@link #open} then throws for the refusal rather than return the
     * closed connection. A refusal on a later reconnection is left to the reconnect loop.
     */
    private void refuseFirstConnection(Connection connection) {
      if (connection.getStatus() != Connection.Status.CONNECTING) {
        return;
      }
      refused = true;
      CompletableFuture.runAsync(() -> {
        try {
          connection.close();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
    }

    private void remember(Exception problem) {
      if (firstProblem == null) {
        firstProblem = problem;
      }
    }

    @Override
    public void slowConsumerDetected(Connection connection, Consumer consumer) {
      log.warn("slow consumer on the NATS connection: events are being dropped");
    }
  }
}
