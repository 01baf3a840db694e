/**
 * The wee-events runtime: hosts the aggregates of a service on NATS and calls them, with the codecs,
 * validators and stubs the annotation processor generates. The exported packages are the public API
 * listed in the module's README; {@code internal.generated} is exported only for generated code and
 * is not API. The other {@code internal} packages are not exported.
 */
module com.weegigs.events.runtime {
  // NATS and Jackson types appear in the API (connections, JsonCodec), so users read them too.
  requires transitive io.nats.jnats;
  requires transitive com.fasterxml.jackson.core;
  requires org.slf4j;
  // bearer tokens (JWT) of per-request authentication; internal only, no nimbus type is in the API
  requires com.nimbusds.jose.jwt;
  // the opt-in HTTP health endpoint, on the JDK's own server
  requires jdk.httpserver;
  // the OpenTelemetry API only (users bring the SDK); OpenTelemetry appears in the builders' API
  requires transitive io.opentelemetry.api;
  requires transitive io.opentelemetry.context;
  // rate limits and circuit breakers; their types stay inside the runtime
  requires io.github.resilience4j.core;
  requires io.github.resilience4j.ratelimiter;
  requires io.github.resilience4j.circuitbreaker;

  exports com.weegigs.events.runtime;
  exports com.weegigs.events.runtime.client;
  exports com.weegigs.events.runtime.codec;
  exports com.weegigs.events.runtime.connection;
  exports com.weegigs.events.runtime.definition;
  exports com.weegigs.events.runtime.error;
  exports com.weegigs.events.runtime.fixture;
  exports com.weegigs.events.runtime.service;
  exports com.weegigs.events.runtime.store;
  exports com.weegigs.events.runtime.validation;
  exports com.weegigs.events.runtime.internal.generated;
}
