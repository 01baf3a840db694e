package com.weegigs.events.runtime.internal.service;

import com.weegigs.events.runtime.CircuitBreakerConfig;
import com.weegigs.events.runtime.definition.AggregateDefinition;
import com.weegigs.events.runtime.internal.client.Connections;
import com.weegigs.events.runtime.definition.ServiceDescriptor;
import com.weegigs.events.runtime.service.AuthenticationConfig;
import com.weegigs.events.runtime.service.ConcurrencyConfig;
import com.weegigs.events.runtime.service.HealthCheck;
import com.weegigs.events.runtime.service.HttpHealthConfig;
import com.weegigs.events.runtime.service.IdempotencyConfig;
import com.weegigs.events.runtime.service.LimitsConfig;
import com.weegigs.events.runtime.service.QueueGroupConfig;
import com.weegigs.events.runtime.service.RateLimitConfig;
import com.weegigs.events.runtime.service.RequestInterceptor;
import com.weegigs.events.runtime.service.ShutdownConfig;
import com.weegigs.events.runtime.service.SpanDetail;
import com.weegigs.events.runtime.service.StateCacheConfig;
import com.weegigs.events.runtime.store.EventStore;
import com.weegigs.events.runtime.store.JetStreamStoreConfig;
import io.nats.client.Connection;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Duration;
import java.time.Clock;
import java.util.List;

/**
 * Everything a service host needs, as the public builder collected it. Adding a feature (telemetry,
 * rate limit, circuit breaker, auth) adds one configuration here and, where it acts on requests, a
 * {@link RequestInterceptor} to {@code interceptors} or a stage of the {@link RequestPipeline}.
 *
 * @param descriptor the service's names and aggregates
 * @param natsUrl where to connect when {@code connection} is {@code null}
 * @param connection a connection the caller owns, or {@code null}
 * @param eventStore the store the caller gave (and owns), or {@code null} when {@code jetStream} says how to open one
 * @param jetStream the JetStream store to open on the service's connection (the service then owns
 *     and closes it), or {@code null} when {@code eventStore} is given
 * @param aggregates the hosted aggregates
 * @param interceptors the user's checks, run on every request in order (see {@link RequestPipeline})
 * @param openTelemetry where spans and metrics go (the OpenTelemetry API; a no-op without an SDK)
 * @param spanDetail how many spans a sampled command makes: one per step, or one for the request
 * @param healthChecks the user's health checks, run beside the built-in ones
 * @param httpHealth the HTTP health endpoint, or {@code null} for none
 * @param rateLimit the service's rate limits ({@link RateLimitConfig#defaults()}: none)
 * @param storeCircuitBreaker the circuit breaker around the event store
 * @param authentication how requests are authenticated, or {@code null} when they are not
 * @param security the credentials and TLS of the connection the service opens from {@code natsUrl}
 */
public record ServiceSettings(
    ServiceDescriptor descriptor,
    String natsUrl,
    Connection connection,
    QueueGroupConfig queueGroup,
    ConcurrencyConfig concurrency,
    LimitsConfig limits,
    StateCacheConfig stateCache,
    IdempotencyConfig idempotency,
    ShutdownConfig shutdown,
    EventStore eventStore,
    JetStreamStoreConfig jetStream,
    Clock clock,
    List<AggregateDefinition<?, ?>> aggregates,
    List<RequestInterceptor> interceptors,
    OpenTelemetry openTelemetry,
    SpanDetail spanDetail,
    List<NamedCheck> healthChecks,
    HttpHealthConfig httpHealth,
    RateLimitConfig rateLimit,
    CircuitBreakerConfig storeCircuitBreaker,
    AuthenticationConfig authentication,
    Connections.Security security) {
  /** The names of the built-in health checks, which a user's check cannot take. */
  public static final List<String> BUILT_IN_CHECKS = List.of("nats", "event-store", "requests", "circuit-breaker");

  public ServiceSettings {
    aggregates = List.copyOf(aggregates);
    interceptors = List.copyOf(interceptors);
    healthChecks = List.copyOf(healthChecks);
  }

  /**
   * A health check and how long it may take.
   *
   * @param name its name in the health report
   * @param timeout after this it is reported {@code down}
   * @param check the check
   */
  public record NamedCheck(String name, Duration timeout, HealthCheck check) {}
}
