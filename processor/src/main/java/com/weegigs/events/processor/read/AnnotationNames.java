package com.weegigs.events.processor.read;

import java.util.Set;

/**
 * Qualified names of the annotations and types the processor recognises. It matches them by name so
 * that it needs neither the annotations, the runtime nor jakarta.validation on its own path.
 */
public final class AnnotationNames {
  /** {@code @Service}. */
  public static final String SERVICE = "com.weegigs.events.annotations.Service";
  /** {@code @Aggregate}. */
  public static final String AGGREGATE = "com.weegigs.events.annotations.Aggregate";
  /** {@code @Command}. */
  public static final String COMMAND = "com.weegigs.events.annotations.Command";
  /** {@code @Event}. */
  public static final String EVENT = "com.weegigs.events.annotations.Event";
  /** {@code @CommandHandler}. */
  public static final String COMMAND_HANDLER = "com.weegigs.events.annotations.CommandHandler";
  /** {@code @Reducer}. */
  public static final String REDUCER = "com.weegigs.events.annotations.Reducer";
  /** {@code @Initial}. */
  public static final String INITIAL = "com.weegigs.events.annotations.Initial";
  /** {@code @Upcaster}. */
  public static final String UPCASTER = "com.weegigs.events.annotations.Upcaster";

  /** {@code @EventHandler}. */
  public static final String EVENT_HANDLER = "com.weegigs.events.annotations.EventHandler";

  /** The runtime's {@code RecordedEvent}, an event handler's optional second parameter. */
  public static final String RECORDED_EVENT = "com.weegigs.events.runtime.RecordedEvent";
  /** The runtime's {@code CommandContext}, a handler's optional last parameter. */
  public static final String COMMAND_CONTEXT = "com.weegigs.events.runtime.CommandContext";
  /** A runtime type every generated stub uses: its absence means the runtime is not on the class path. */
  public static final String RUNTIME_DEFINITION = "com.weegigs.events.runtime.definition.AggregateDefinition";
  /** Prefix of the standard constraints. */
  public static final String CONSTRAINTS_PACKAGE = "jakarta.validation.constraints";
  /** {@code @Valid}. */
  public static final String VALID = "jakarta.validation.Valid";

  /** {@code jakarta.annotation.security.RolesAllowed}: read, not claimed. */
  public static final String ROLES_ALLOWED = "jakarta.annotation.security.RolesAllowed";
  /** {@code jakarta.annotation.security.PermitAll}: read, not claimed. */
  public static final String PERMIT_ALL = "jakarta.annotation.security.PermitAll";
  /** {@code jakarta.annotation.security.DenyAll}: read, not claimed. */
  public static final String DENY_ALL = "jakarta.annotation.security.DenyAll";

  /** Every annotation the processor claims. */
  public static final Set<String> ALL = Set.of(SERVICE, AGGREGATE, COMMAND, EVENT, COMMAND_HANDLER, REDUCER, INITIAL, UPCASTER,
      EVENT_HANDLER);

  private AnnotationNames() {}
}
