package com.weegigs.events.example.receipts;

import com.weegigs.events.example.probes.ProbeHandlers;
import com.weegigs.events.example.probes.ProbeStub;
import com.weegigs.events.example.probes.ProbesService;
import com.weegigs.events.runtime.NatsService;
import com.weegigs.events.runtime.client.ServiceClient;
import com.weegigs.events.runtime.error.ErrorCode;
import com.weegigs.events.runtime.error.ServiceException;
import com.weegigs.events.runtime.fixtures.Tokens;
import com.weegigs.events.runtime.service.AuthenticationConfig;
import com.weegigs.events.runtime.service.ConcurrencyConfig;
import com.weegigs.events.runtime.store.EventStore;
import com.weegigs.events.runtime.store.InMemoryEventStore;
import com.weegigs.events.testing.NatsServer;
import io.nats.client.Connection;
import io.nats.client.Message;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/** Starts the services the end-to-end tests talk to, each on its own NATS connection to the test's server. */
final class TestServices {
  private TestServices() {}

  /** A running service; closing it shuts it down gracefully. */
  record Running(NatsService service) implements AutoCloseable {
    @Override
    public void close() {
      service.close();
    }
  }

  /** A fresh in-memory store, to share between instances. */
  static InMemoryEventStore newStore() {
    return new InMemoryEventStore();
  }

  /** The receipts service (receipt and supplier), with its own store. */
  static Running receipts(NatsServer server, UnaryOperator<NatsService.Builder> configure) {
    return receipts(server, newStore(), configure);
  }

  /** The receipts service (receipt and supplier) on {@code store}. */
  static Running receipts(NatsServer server, EventStore store, UnaryOperator<NatsService.Builder> configure) {
    NatsService.Builder builder = NatsService.builder(ReceiptsService.DESCRIPTOR)
        .natsUrl(server.url())
        .withEventStore(store)
        .aggregate(ReceiptStub.definition(new ReceiptHandlers()))
        .aggregate(SupplierStub.definition());
    return new Running(configure.apply(builder).start());
  }

  /** The probes service of the test sources. */
  static Running probes(NatsServer server, ProbeHandlers handlers, UnaryOperator<NatsService.Builder> configure) {
    NatsService.Builder builder = NatsService.builder(ProbesService.DESCRIPTOR)
        .natsUrl(server.url())
        .aggregate(ProbeStub.definition(handlers));
    return new Running(configure.apply(builder).start());
  }

  /** A service that refuses bodies over {@code bytes}. */
  static NatsService.Builder withMaxPayload(NatsService.Builder builder, int bytes) {
    return builder.withMaxPayload(bytes);
  }

  /** A service with one worker and no queue: a second request while one runs is refused at once. */
  static NatsService.Builder withOneAtATime(NatsService.Builder builder) {
    return builder.withConcurrency(new ConcurrencyConfig(1, 0));
  }

  /** A service with enough workers for 100 blocked handlers and a queue for a thousand requests. */
  static NatsService.Builder withRoomFor1000(NatsService.Builder builder) {
    return builder.withConcurrency(new ConcurrencyConfig(128, 2000));
  }

  /** A client of the receipts service over {@code connection}. */
  static ServiceClient client(Connection connection) {
    return ServiceClient.create(connection, "receipts");
  }

  /** The authentication of the tests' authenticated receipts services: the runtime tests' HS256 {@link Tokens}. */
  static AuthenticationConfig authentication() {
    return AuthenticationConfig.hmac(Tokens.SECRET, Tokens.ISSUER, Tokens.AUDIENCE);
  }

  /** A service that authenticates every request with {@link #authentication()}. */
  static NatsService.Builder withAuthentication(NatsService.Builder builder) {
    return builder.withAuthentication(authentication());
  }

  /** A client of the receipts service over {@code connection} that sends a token of {@code subject} with {@code roles} on every call. */
  static ServiceClient client(Connection connection, String subject, String... roles) {
    return ServiceClient.builder("receipts").connection(connection).withBearerToken(() -> token(subject, roles)).build();
  }

  /** A token for the tests' authenticated services, valid for five minutes, of {@code subject} with {@code roles}. */
  static String token(String subject, String... roles) {
    return Tokens.hs256(Tokens.claims(subject, roles));
  }

  /** A client of the probes service over {@code connection}. */
  static ServiceClient probesClient(Connection connection) {
    return ServiceClient.create(connection, "probes");
  }

  /** The error code a call of the generated client failed with; fails the test when it failed otherwise. */
  static ErrorCode errorCode(Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    if (cause instanceof ServiceException service) {
      return service.code();
    }
    throw new AssertionError("a call failed without a service error", cause);
  }

  /** Waits (at most 30 seconds) until {@code condition} holds. */
  static void await(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for: " + what);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for: " + what, e);
      }
    }
  }

  /**
   * Whether the probes service still takes new requests: its health check is answered without an
   * error. (Health takes no aggregate lock, so it answers even while commands wait.)
   */
  static boolean takesRequests(Connection connection) {
    try {
      Message reply = connection.request("probes.health", new byte[0], Duration.ofSeconds(5));
      return reply != null && (reply.getHeaders() == null || reply.getHeaders().getFirst("Nats-Service-Error-Code") == null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (RuntimeException e) {
      return false; // no responders: the service is gone
    }
  }
}
