package com.weegigs.events.runtime.definition;

import com.weegigs.events.runtime.Names;
import com.weegigs.events.runtime.codec.JsonCodec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What both sides of the wire know of one aggregate: its type name, the codec and schema of its
 * state, and its commands and events. The processor generates one per {@code @Aggregate} (in
 * {@code <Aggregate>Codecs.TYPE}); the service adds behaviour to it in an
 * {@link AggregateDefinition}, the client uses it alone.
 *
 * @param <S> the state record
 * @param <E> the common type of its events ({@code Object} when they share none)
 */
public final class AggregateType<S, E> {
  private final String name;
  private final Class<S> stateType;
  private final JsonCodec<S> stateCodec;
  private final String stateSchema;
  private final Map<String, CommandType<?>> commands;
  private final Map<String, EventType<? extends E>> eventsByName;
  private final Map<Class<?>, EventType<? extends E>> eventsByClass;
  private final Access queryAccess;

  private AggregateType(Builder<S, E> builder) {
    this.queryAccess = builder.queryAccess;
    this.name = builder.name;
    this.stateType = builder.stateType;
    this.stateCodec = builder.stateCodec;
    this.stateSchema = builder.stateSchema;
    this.commands = Collections.unmodifiableMap(new LinkedHashMap<>(builder.commands));
    this.eventsByName = Collections.unmodifiableMap(new LinkedHashMap<>(builder.events));
    Map<Class<?>, EventType<? extends E>> byClass = new HashMap<>();
    for (EventType<? extends E> event : builder.events.values()) {
      if (byClass.put(event.javaType(), event) != null) {
        throw new IllegalArgumentException("event class " + event.javaType().getName() + " is registered twice");
      }
    }
    this.eventsByClass = Map.copyOf(byClass);
  }

  /** Starts an aggregate type named {@code name} whose state is {@code stateType}. */
  public static <S, E> Builder<S, E> builder(String name, Class<S> stateType, JsonCodec<S> stateCodec, String stateSchema) {
    return new Builder<>(name, stateType, stateCodec, stateSchema);
  }

  /** Wire name, such as {@code receipt}. */
  public String name() {
    return name;
  }

  /** The state record. */
  public Class<S> stateType() {
    return stateType;
  }

  /** Codec of the state. */
  public JsonCodec<S> stateCodec() {
    return stateCodec;
  }

  /** JSON Schema of the state. */
  public String stateSchema() {
    return stateSchema;
  }

  /** Commands by wire name, in declaration order. */
  public Map<String, CommandType<?>> commands() {
    return commands;
  }

  /** Events by wire name, in declaration order. */
  public Map<String, EventType<? extends E>> events() {
    return eventsByName;
  }

  /**
   * Who may query this aggregate type: {@code @RolesAllowed}, {@code @PermitAll} or {@code @DenyAll}
   * on its state record; {@link Access#PERMIT_ALL} by default. The service enforces it when it
   * authenticates requests.
   */
  public Access queryAccess() {
    return queryAccess;
  }

  /** The event type of a wire name, or {@code null}. */
  public EventType<? extends E> event(String eventName) {
    return eventsByName.get(eventName);
  }

  /** The event type of an event object, or {@code null} when it is not one of this aggregate's events. */
  public EventType<? extends E> eventOf(Object event) {
    return eventsByClass.get(event.getClass());
  }

  @Override
  public String toString() {
    return "AggregateType[" + name + "]";
  }

  /** Builds an {@link AggregateType}; each command and event name may be registered once. */
  public static final class Builder<S, E> {
    private final String name;
    private final Class<S> stateType;
    private final JsonCodec<S> stateCodec;
    private final String stateSchema;
    private final Map<String, CommandType<?>> commands = new LinkedHashMap<>();
    private final Map<String, EventType<? extends E>> events = new LinkedHashMap<>();
    private Access queryAccess = Access.PERMIT_ALL;

    private Builder(String name, Class<S> stateType, JsonCodec<S> stateCodec, String stateSchema) {
      if (!Names.isValidName(name)) {
        throw new IllegalArgumentException("aggregate type '" + name + "' is not valid: " + Names.NAME_RULE);
      }
      this.name = name;
      this.stateType = Objects.requireNonNull(stateType, "stateType");
      this.stateCodec = Objects.requireNonNull(stateCodec, "stateCodec");
      this.stateSchema = Objects.requireNonNull(stateSchema, "stateSchema");
    }

    /** Adds a command. */
    public Builder<S, E> command(CommandType<?> command) {
      if (commands.putIfAbsent(command.name(), command) != null) {
        throw new IllegalArgumentException("command '" + command.name() + "' is registered twice on " + name);
      }
      return this;
    }

    /** Adds an event. */
    public Builder<S, E> event(EventType<? extends E> event) {
      if (events.putIfAbsent(event.name(), event) != null) {
        throw new IllegalArgumentException("event '" + event.name() + "' is registered twice on " + name);
      }
      return this;
    }

    /** Who may query the aggregate; {@link Access#PERMIT_ALL} unless set. */
    public Builder<S, E> queryAccess(Access access) {
      this.queryAccess = Objects.requireNonNull(access, "access");
      return this;
    }

    /** The aggregate type. */
    public AggregateType<S, E> build() {
      return new AggregateType<>(this);
    }
  }
}
