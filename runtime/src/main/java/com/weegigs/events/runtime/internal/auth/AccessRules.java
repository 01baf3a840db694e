package com.weegigs.events.runtime.internal.auth;

import com.weegigs.events.runtime.Principal;
import com.weegigs.events.runtime.definition.Access;
import com.weegigs.events.runtime.definition.AggregateDefinition;
import com.weegigs.events.runtime.definition.CommandType;
import com.weegigs.events.runtime.error.ForbiddenException;
import com.weegigs.events.runtime.error.UnauthenticatedException;
import java.util.ArrayList;
import java.util.List;

/**
 * Enforces {@link Access} rules per request; a service that cannot know its callers refuses its
 * restricted requests, and says so once at start.
 */
public final class AccessRules {
  private AccessRules() {}

  /**
   * Refuses a caller the rule does not allow.
   *
   * @param what what the caller asked for, for the message ({@code command add-item of receipt})
   * @throws ForbiddenException when {@code access} does not allow {@code principal}
   */
  public static void check(Access access, Principal principal, String what) {
    if (!access.allows(principal)) {
      throw new ForbiddenException("the caller may not send " + what);
    }
  }

  /**
   * The commands and queries with a rule other than permit-all ({@code receipt.void-receipt (roles
   * [manager])}, {@code receipt query (deny all)}): a service that does not authenticate requests
   * cannot check them.
   */
  public static List<String> restricted(List<AggregateDefinition<?, ?>> aggregates) {
    List<String> restricted = new ArrayList<>();
    for (AggregateDefinition<?, ?> definition : aggregates) {
      String aggregate = definition.type().name();
      for (CommandType<?> command : definition.type().commands().values()) {
        if (command.access().restricted()) {
          restricted.add(aggregate + "." + command.name() + " (" + command.access() + ")");
        }
      }
      if (definition.type().queryAccess().restricted()) {
        restricted.add(aggregate + " query (" + definition.type().queryAccess() + ")");
      }
    }
    return restricted;
  }

  /**
   * Refuses every request for a restricted command or query of a service that does not authenticate
   * requests: nobody's role can be verified there. The answer names no rule and no role.
   *
   * @param service the service's name, for the message
   * @throws UnauthenticatedException when {@code access} is restricted
   */
  public static void checkUnauthenticated(Access access, String service) {
    if (access.restricted()) {
      throw new UnauthenticatedException("this request needs an authenticated caller, and service " + service
          + " does not authenticate requests");
    }
  }

  /**
   * The warning a service that restricts commands or queries logs once at start when it does not
   * authenticate requests, or {@code null} when it restricts nothing.
   */
  public static String unauthenticatedWarning(String service, List<AggregateDefinition<?, ?>> aggregates) {
    List<String> restricted = restricted(aggregates);
    if (restricted.isEmpty()) {
      return null;
    }
    return "service " + service + " restricts who may call " + String.join(", ", restricted)
        + ", but does not authenticate requests: every such request is refused UNAUTHENTICATED;"
        + " configure withAuthentication(...) to let callers with a verified role in";
  }
}
