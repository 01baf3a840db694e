package com.weegigs.events.runtime.definition;

import com.weegigs.events.runtime.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Who may send a command, or query an aggregate: everyone who is authenticated, no one, or callers
 * with at least one of some roles. The processor derives it from {@code jakarta.annotation.security}'s
 * {@code @PermitAll}, {@code @DenyAll} and {@code @RolesAllowed} on a command record or its handler
 * (and on an aggregate's state record, for its query); the service enforces it before the command is
 * validated, answering {@code FORBIDDEN}.
 *
 * @param rule which kind of rule this is
 * @param roles the roles of a {@link Rule#ROLES} rule, in the order given; empty for the others
 */
public record Access(Rule rule, Set<String> roles) {
  /** Every authenticated caller (no annotation, or {@code @PermitAll}). */
  public static final Access PERMIT_ALL = new Access(Rule.PERMIT_ALL, Set.of());

  /** No caller ({@code @DenyAll}). */
  public static final Access DENY_ALL = new Access(Rule.DENY_ALL, Set.of());

  /** The kinds of rule. */
  public enum Rule {
    /** Every authenticated caller. */
    PERMIT_ALL,
    /** No caller. */
    DENY_ALL,
    /** A caller with at least one of the rule's roles. */
    ROLES
  }

  /**
   * @throws IllegalArgumentException when a {@link Rule#ROLES} rule has no roles or a blank one, or
   *     another rule has roles; every problem named at once
   */
  public Access {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(roles, "roles");
    List<String> problems = new ArrayList<>();
    if (rule == Rule.ROLES && roles.isEmpty()) {
      problems.add("a ROLES rule needs at least one role");
    }
    if (rule != Rule.ROLES && !roles.isEmpty()) {
      problems.add("a " + rule + " rule has no roles, got " + roles);
    }
    for (String role : roles) {
      if (role == null || role.isBlank()) {
        problems.add("a role name must not be blank");
        break;
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid access rule: " + String.join("; ", problems));
    }
    roles = Collections.unmodifiableSet(new LinkedHashSet<>(roles));
  }

  /** Callers with at least one of {@code roles}. */
  public static Access roles(String... roles) {
    return new Access(Rule.ROLES, new LinkedHashSet<>(Arrays.asList(roles)));
  }

  /** Whether this rule needs to know the caller: anything but {@link #PERMIT_ALL}. */
  public boolean restricted() {
    return rule != Rule.PERMIT_ALL;
  }

  /** Whether {@code principal} (an authenticated caller) passes this rule. */
  public boolean allows(Principal principal) {
    return switch (rule) {
      case PERMIT_ALL -> true;
      case DENY_ALL -> false;
      case ROLES -> roles.stream().anyMatch(principal.roles()::contains);
    };
  }

  @Override
  public String toString() {
    return rule == Rule.ROLES ? "roles " + roles : rule.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}
