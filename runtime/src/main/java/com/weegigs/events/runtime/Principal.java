package com.weegigs.events.runtime;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The verified caller of a request: the subject ({@code sub}) and roles of its bearer token, once
 * the service has checked the token's signature, expiry, issuer and audience. Reached from
 * {@link CommandContext#principal()} in a handler and from
 * {@code RequestContext.principal()} in an interceptor; the events a command records carry the
 * subject as their {@code userId}.
 *
 * @param subject who the caller is (the token's {@code sub}), not blank
 * @param roles what the caller may do (the token's roles claim), in the token's order
 */
public record Principal(String subject, Set<String> roles) {
  /** @throws IllegalArgumentException when the subject is blank or a role is null */
  public Principal {
    if (subject == null || subject.isBlank()) {
      throw new IllegalArgumentException("a principal's subject must not be blank");
    }
    Objects.requireNonNull(roles, "roles");
    for (String role : roles) {
      Objects.requireNonNull(role, "role");
    }
    roles = Collections.unmodifiableSet(new LinkedHashSet<>(roles));
  }

  /** Whether the caller has {@code role}. */
  public boolean hasRole(String role) {
    return roles.contains(role);
  }
}
