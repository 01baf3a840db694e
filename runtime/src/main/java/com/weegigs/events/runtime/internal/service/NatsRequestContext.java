package com.weegigs.events.runtime.internal.service;

import com.weegigs.events.runtime.AggregateId;
import com.weegigs.events.runtime.Principal;
import com.weegigs.events.runtime.service.EndpointKind;
import com.weegigs.events.runtime.service.RequestContext;
import io.nats.client.impl.Headers;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A NATS request as {@link com.weegigs.events.runtime.service.RequestInterceptor}s see it; the header map is built on first use. */
final class NatsRequestContext implements RequestContext {
  private final Endpoint<?> endpoint;
  private final Headers natsHeaders;
  private final AggregateId aggregateId;
  private final Principal principal;
  private Map<String, List<String>> headers;

  NatsRequestContext(Endpoint<?> endpoint, Headers natsHeaders, AggregateId aggregateId, Principal principal) {
    this.endpoint = endpoint;
    this.principal = principal;
    this.natsHeaders = natsHeaders;
    this.aggregateId = aggregateId;
  }

  @Override
  public EndpointKind kind() {
    return endpoint.kind;
  }

  @Override
  public String service() {
    return endpoint.service;
  }

  @Override
  public String subject() {
    return endpoint.subject;
  }

  @Override
  public Map<String, List<String>> headers() {
    if (headers == null) {
      Map<String, List<String>> copy = new LinkedHashMap<>();
      if (natsHeaders != null) {
        natsHeaders.forEach((name, values) -> copy.put(name, List.copyOf(values)));
      }
      headers = Collections.unmodifiableMap(copy);
    }
    return headers;
  }

  @Override
  public Optional<AggregateId> aggregateId() {
    return Optional.ofNullable(aggregateId);
  }

  @Override
  public Optional<String> command() {
    return Optional.ofNullable(endpoint.command());
  }

  @Override
  public Optional<Principal> principal() {
    return Optional.ofNullable(principal);
  }

  @Override
  public String toString() {
    return kind() + " request on " + subject();
  }
}
