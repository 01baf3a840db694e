package com.weegigs.events.runtime.definition;

import com.weegigs.events.runtime.internal.generated.CommandHandler;
import com.weegigs.events.runtime.internal.generated.CreatingCommandHandler;
import com.weegigs.events.runtime.internal.generated.CreatingReducer;
import com.weegigs.events.runtime.internal.generated.InitialState;
import com.weegigs.events.runtime.internal.generated.Reducer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An aggregate's behaviour, ready for a service to host: its {@link AggregateType}, the initial
 * state (if any), one reducer per event and one handler per command. The processor generates the
 * wiring ({@code <Aggregate>Stub.definition(...)}); writing one by hand works the same way.
 *
 * <pre>{@code
 * AggregateDefinition<Receipt, ReceiptEvent> receipts = AggregateDefinition.builder(ReceiptCodecs.TYPE)
 *     .initialState(Receipt::open)
 *     .reducer(ItemAdded.class, Receipt::on)
 *     .command(ReceiptCodecs.ADD_ITEM, (state, command, context) -> handlers.addItem(state, command))
 *     .build();
 * }</pre>
 *
 * @param <S> the state record
 * @param <E> the events' common type
 */
public final class AggregateDefinition<S, E> {
  private final AggregateType<S, E> type;
  private final InitialState<S> initialState;
  private final Map<Class<?>, Reducer<S, Object>> reducers;
  private final Map<Class<?>, CreatingReducer<S, Object>> creatingReducers;
  private final Map<String, CommandBinding<S, ?, E>> commands;

  private AggregateDefinition(Builder<S, E> builder) {
    this.type = builder.type;
    this.initialState = builder.initialState;
    this.reducers = Map.copyOf(builder.reducers);
    this.creatingReducers = Map.copyOf(builder.creatingReducers);
    this.commands = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(builder.commands));
  }

  /** Starts a definition of {@code type}. */
  public static <S, E> Builder<S, E> builder(AggregateType<S, E> type) {
    return new Builder<>(type);
  }

  /** Names, codecs and schemas. */
  public AggregateType<S, E> type() {
    return type;
  }

  /** Whether an aggregate with no events exists (has an initial state). */
  public boolean hasInitialState() {
    return initialState != null;
  }

  /**
   * The state of an aggregate with no events.
   *
   * @throws IllegalStateException when the aggregate has no initial state
   */
  public S initialState(String key) {
    if (initialState == null) {
      throw new IllegalStateException(type.name() + " has no initial state");
    }
    return initialState.create(key);
  }

  /**
   * Applies one event: to {@code state} with its reducer, or, when {@code state} is {@code null}
   * (an aggregate without initial state and no events yet), with its creating reducer.
   *
   * @throws IllegalStateException when the event has no reducer for that case
   */
  public S apply(S state, Object event) {
    if (state == null) {
      CreatingReducer<S, Object> creating = creatingReducers.get(event.getClass());
      if (creating == null) {
        throw new IllegalStateException(
            "event " + event.getClass().getSimpleName() + " cannot start a " + type.name() + ": it has no creating reducer");
      }
      return Objects.requireNonNull(creating.apply(event), "creating reducer returned null");
    }
    Reducer<S, Object> reducer = reducers.get(event.getClass());
    if (reducer == null) {
      throw new IllegalStateException("event " + event.getClass().getSimpleName() + " has no reducer on " + type.name());
    }
    return Objects.requireNonNull(reducer.apply(state, event), "reducer returned null");
  }

  /** The binding of a command by wire name, or {@code null}. */
  public CommandBinding<S, ?, E> command(String name) {
    return commands.get(name);
  }

  /** Every command binding, in declaration order. */
  public List<CommandBinding<S, ?, E>> commands() {
    return List.copyOf(commands.values());
  }

  /**
   * A command with the code that runs it.
   *
   * @param type the command
   * @param handler runs it against an existing state, or {@code null} for a creating command
   * @param creatingHandler runs it while the aggregate has no events, or {@code null}
   */
  public record CommandBinding<S, C, E>(
      CommandType<C> type, CommandHandler<S, C, E> handler, CreatingCommandHandler<C, E> creatingHandler) {
    public CommandBinding {
      Objects.requireNonNull(type, "type");
      if ((handler == null) == (creatingHandler == null)) {
        throw new IllegalArgumentException("command " + type.name() + " needs exactly one of handler and creatingHandler");
      }
    }

    /** Whether this command creates the aggregate (runs only while it has no events). */
    public boolean creating() {
      return creatingHandler != null;
    }
  }

  /** Builds an {@link AggregateDefinition}; {@link #build()} checks that nothing is missing. */
  public static final class Builder<S, E> {
    private final AggregateType<S, E> type;
    private InitialState<S> initialState;
    private final Map<Class<?>, Reducer<S, Object>> reducers = new HashMap<>();
    private final Map<Class<?>, CreatingReducer<S, Object>> creatingReducers = new HashMap<>();
    private final Map<String, CommandBinding<S, ?, E>> commands = new LinkedHashMap<>();

    private Builder(AggregateType<S, E> type) {
      this.type = Objects.requireNonNull(type, "type");
    }

    /** The state of an aggregate with no events; without one, such an aggregate does not exist. */
    public Builder<S, E> initialState(InitialState<S> initialState) {
      this.initialState = Objects.requireNonNull(initialState, "initialState");
      return this;
    }

    /** The reducer of one event class. */
    @SuppressWarnings("unchecked")
    public <X extends E> Builder<S, E> reducer(Class<X> eventClass, Reducer<S, ? super X> reducer) {
      Objects.requireNonNull(reducer, "reducer");
      if (reducers.putIfAbsent(eventClass, (Reducer<S, Object>) reducer) != null) {
        throw new IllegalArgumentException("event " + eventClass.getSimpleName() + " has two reducers");
      }
      return this;
    }

    /** The creating reducer of one event class (aggregates without initial state). */
    @SuppressWarnings("unchecked")
    public <X extends E> Builder<S, E> creatingReducer(Class<X> eventClass, CreatingReducer<S, ? super X> reducer) {
      Objects.requireNonNull(reducer, "reducer");
      if (creatingReducers.putIfAbsent(eventClass, (CreatingReducer<S, Object>) reducer) != null) {
        throw new IllegalArgumentException("event " + eventClass.getSimpleName() + " has two creating reducers");
      }
      return this;
    }

    /** Binds a command to the handler that runs it against an existing state. */
    public <C> Builder<S, E> command(CommandType<C> command, CommandHandler<S, C, E> handler) {
      return bind(new CommandBinding<>(command, Objects.requireNonNull(handler, "handler"), null));
    }

    /** Binds a command to a creating handler (aggregates without initial state). */
    public <C> Builder<S, E> creatingCommand(CommandType<C> command, CreatingCommandHandler<C, E> handler) {
      return bind(new CommandBinding<S, C, E>(command, null, Objects.requireNonNull(handler, "handler")));
    }

    private Builder<S, E> bind(CommandBinding<S, ?, E> binding) {
      String name = binding.type().name();
      if (type.commands().get(name) != binding.type()) {
        throw new IllegalArgumentException("command '" + name + "' is not a command of " + type.name());
      }
      if (commands.putIfAbsent(name, binding) != null) {
        throw new IllegalArgumentException("command '" + name + "' has two handlers");
      }
      return this;
    }

    /**
     * The definition.
     *
     * @throws IllegalStateException naming every command without a handler and every event without a reducer
     */
    public AggregateDefinition<S, E> build() {
      List<String> problems = new ArrayList<>();
      for (String command : type.commands().keySet()) {
        if (!commands.containsKey(command)) {
          problems.add("command '" + command + "' has no handler");
        }
      }
      for (EventType<? extends E> event : type.events().values()) {
        if (!reducers.containsKey(event.javaType()) && !creatingReducers.containsKey(event.javaType())) {
          problems.add("event '" + event.name() + "' has no reducer");
        }
      }
      if (initialState != null && !creatingReducers.isEmpty()) {
        problems.add("an aggregate with an initial state cannot have creating reducers");
      }
      if (!problems.isEmpty()) {
        throw new IllegalStateException(type.name() + ": " + String.join("; ", problems));
      }
      return new AggregateDefinition<>(this);
    }
  }
}
