package com.weegigs.events.runtime.internal.client;

import com.weegigs.events.runtime.client.ServiceClient;
import com.weegigs.events.runtime.error.UnavailableException;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Consumer;
import io.nats.client.ErrorListener;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the NATS connection of a client that was given a URL rather than a connection. */
public final class Connections {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceClient.class);

  private Connections() {}

  /**
   * Connects to {@code target} (comma-separated for several servers), reconnecting without limit
   * after a disconnection, and logging connection changes through SLF4J.
   *
   * @param target the server URL or URLs
   * @param serviceName the service the connection is for, in its connection name
   * @throws UnavailableException when no connection can be opened
   */
  public static Connection open(String target, String serviceName) {
    Options options = new Options.Builder()
        .servers(target.split("\\s*,\\s*"))
        .connectionName("wee-events client of " + serviceName)
        .maxReconnects(-1)
        .reconnectWait(Duration.ofMillis(250))
        .connectionListener(new LoggingListener())
        .errorListener(new LoggingListener())
        .build();
    try {
      return Nats.connect(options);
    } catch (IOException e) {
      throw new UnavailableException("cannot connect to NATS at " + target + ": " + e.getMessage(), Map.of(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnavailableException("interrupted while connecting to NATS at " + target, Map.of(), e);
    }
  }

  /** Reports connection changes and asynchronous errors through SLF4J rather than jnats' own logger. */
  private static final class LoggingListener implements ConnectionListener, ErrorListener {
    // jnats still declares the two-argument form abstract while deprecating it; the newer
    // four-argument form calls it by default, so one implementation serves both.
    @Override
    @SuppressWarnings("deprecation")
    public void connectionEvent(Connection connection, Events event) {
      switch (event) {
        case DISCONNECTED -> LOG.warn("disconnected from NATS; reconnecting");
        case RECONNECTED -> LOG.info("reconnected to NATS at {}", connection.getConnectedUrl());
        case CLOSED -> LOG.debug("NATS connection closed");
        default -> LOG.debug("NATS connection event {}", event);
      }
    }

    @Override
    public void errorOccurred(Connection connection, String error) {
      LOG.warn("NATS error: {}", error);
    }

    @Override
    public void exceptionOccurred(Connection connection, Exception exception) {
      LOG.warn("NATS connection problem: {}", exception.toString());
    }

    @Override
    public void slowConsumerDetected(Connection connection, Consumer consumer) {
      LOG.warn("slow consumer on the NATS connection: events are being dropped");
    }
  }
}
