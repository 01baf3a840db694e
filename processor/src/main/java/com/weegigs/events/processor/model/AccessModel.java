package com.weegigs.events.processor.model;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * Who may send a command or query an aggregate, from {@code jakarta.annotation.security}'s
 * {@code @PermitAll}, {@code @DenyAll} and {@code @RolesAllowed}; the generated code hands it to the
 * runtime as an {@code Access} value.
 *
 * @param rule the kind of rule
 * @param roles the roles of a {@link Rule#ROLES} rule, as written (without repeats); empty otherwise
 */
public record AccessModel(Rule rule, List<String> roles) {
  /** Every authenticated caller: no annotation, or {@code @PermitAll}. */
  public static final AccessModel PERMIT_ALL = new AccessModel(Rule.PERMIT_ALL, List.of());

  /** No caller: {@code @DenyAll}. */
  public static final AccessModel DENY_ALL = new AccessModel(Rule.DENY_ALL, List.of());

  /** The kinds of rule. */
  public enum Rule {
    PERMIT_ALL,
    DENY_ALL,
    ROLES
  }

  public AccessModel {
    roles = List.copyOf(new LinkedHashSet<>(roles));
  }

  /** Callers with one of {@code roles}. */
  public static AccessModel roles(List<String> roles) {
    return new AccessModel(Rule.ROLES, roles);
  }

  /** Whether the rule is anything but permit-all (and so is written into the generated code). */
  public boolean restricted() {
    return rule != Rule.PERMIT_ALL;
  }

  /** Whether {@code other} lets the same callers in (roles compared as a set). */
  public boolean sameAs(AccessModel other) {
    return rule == other.rule && new LinkedHashSet<>(roles).equals(new LinkedHashSet<>(other.roles));
  }

  /** The rule as its annotation is written: {@code @RolesAllowed({"a", "b"})}, {@code @DenyAll}, {@code @PermitAll}. */
  public String describe() {
    return switch (rule) {
      case PERMIT_ALL -> "@PermitAll";
      case DENY_ALL -> "@DenyAll";
      case ROLES -> "@RolesAllowed(" + (roles.size() == 1 ? "\"" + roles.get(0) + "\""
          : "{" + String.join(", ", roles.stream().map(role -> "\"" + role + "\"").toList()) + "}") + ")";
    };
  }
}
