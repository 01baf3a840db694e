package com.weegigs.events.runtime.service;

import com.weegigs.events.runtime.AggregateId;
import com.weegigs.events.runtime.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@link RequestInterceptor} may know of a request: which endpoint it came to, its headers,
 * and the aggregate and command it is for. The body has been decoded by then but not validated.
 */
public interface RequestContext {
  /** What the endpoint serves. */
  EndpointKind kind();

  /** The service's wire name. */
  String service();

  /** The subject the request was sent to. */
  String subject();

  /**
   * The request's headers, names as sent (case-sensitive), each with its values in order; empty
   * when it has none. Read-only.
   */
  Map<String, List<String>> headers();

  /** The first value of header {@code name} (case-sensitive), if the request has it. */
  default Optional<String> header(String name) {
    List<String> values = headers().get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The aggregate a command or query is for; empty for {@link EndpointKind#HEALTH}. */
  Optional<AggregateId> aggregateId();

  /** The command's wire name; empty unless {@link #kind()} is {@link EndpointKind#COMMAND}. */
  Optional<String> command();

  /**
   * The caller its bearer token proved, when the service authenticates requests
   * ({@code NatsService.Builder.withAuthentication}); empty otherwise, and for the health check.
   * Authentication and the command's roles are checked before any interceptor runs.
   */
  default Optional<Principal> principal() {
    return Optional.empty();
  }
}
