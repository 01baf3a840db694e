package com.weegigs.events.runtime.internal.command;

import com.weegigs.events.runtime.AggregateId;
import com.weegigs.events.runtime.CommandContext;
import com.weegigs.events.runtime.CommandMetadata;
import com.weegigs.events.runtime.Entity;
import com.weegigs.events.runtime.EventMetadata;
import com.weegigs.events.runtime.Principal;
import com.weegigs.events.runtime.RecordedEvent;
import com.weegigs.events.runtime.definition.AggregateDefinition.CommandBinding;
import com.weegigs.events.runtime.definition.AggregateDefinition;
import com.weegigs.events.runtime.definition.AggregateType;
import com.weegigs.events.runtime.definition.EventType;
import com.weegigs.events.runtime.error.ErrorCode;
import com.weegigs.events.runtime.error.ServiceException;
import com.weegigs.events.runtime.internal.command.StateCache.Current;
import com.weegigs.events.runtime.internal.store.AsyncAppend;
import com.weegigs.events.runtime.internal.store.CachedExpectations;
import com.weegigs.events.runtime.internal.store.StoreCircuitOpenException;
import com.weegigs.events.runtime.internal.store.WireFormAppend;
import com.weegigs.events.runtime.internal.telemetry.Telemetry;
import com.weegigs.events.runtime.internal.wire.EntityReplies;
import com.weegigs.events.runtime.internal.wire.ErrorReplies;
import com.weegigs.events.runtime.store.AppendResult;
import com.weegigs.events.runtime.store.EventStore;
import com.weegigs.events.runtime.store.EventStoreUnavailableException;
import com.weegigs.events.runtime.validation.Violation;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the commands and queries of one aggregate type, whatever carries them: load the state
 * (cached, plus newer events; or, for a store that refuses a stale expectation on append
 * ({@link CachedExpectations}), the cached state as it is), run the handler, append with the expected revision (retrying after
 * a concurrent writer), remember the outcome for the command's {@code messageId}, and hand the
 * reply and the stored events to an {@link Answer}. It knows the wire contract's JSON bodies, and
 * nothing of NATS.
 *
 * <p>Commands for one aggregate run one at a time in this instance (striped locks); writers in
 * other instances are caught by the store's expected revision and retried.
 *
 * <p>On a store that appends asynchronously ({@link AsyncAppend}: JetStream) and without tracing,
 * the thread that runs a command lets go of it once the append is sent: the aggregate stays locked
 * and the command is answered (and its events published) where the append completes, so a worker
 * is not parked for the store's round trip. Everything but a clean append (a conflict, a repeat, a
 * failure) goes on as the synchronous path does, on a thread that may block.
 */
public final class CommandCore<S, E> {
  private static final Logger LOG = LoggerFactory.getLogger("com.weegigs.events.runtime.NatsService");
  private static final int STRIPES = 256;
  private static final long LOCK_WAIT_WITHOUT_DEADLINE_MILLIS = 60_000;

  private final AggregateDefinition<S, E> definition;
  private final AggregateType<S, E> type;
  private final EventStore store;
  /** The store again when it keeps wire forms, else {@code null}; checked once, here. */
  private final WireFormAppend wireFormStore;
  /** The store again when it lets a command trust the cached state, else {@code null}; checked once, here. */
  private final CachedExpectations cachedStore;
  /** The store again when it appends without holding the caller's thread, else {@code null}; checked once, here. */
  private final AsyncAppend asyncStore;
  private final AggregateState<S, E> states;
  /** One permit per stripe: released by whichever thread finishes the command, not only the one that took it. */
  private final Semaphore[] stripes = new Semaphore[STRIPES];
  private final Clock clock;
  private final int conflictRetries;
  private final ReplyCache replies;
  private final CommandCounters counters;
  private final Telemetry telemetry;

  /**
   * @param definition the aggregate type and its handlers
   * @param store where its events are
   * @param stateCacheSize states kept (0: none)
   * @param clock for event timestamps and {@link CommandContext#now()}
   * @param conflictRetries retries after a concurrent writer, for commands without an expected revision
   * @param replies the service's remembered replies
   */
  public CommandCore(AggregateDefinition<S, E> definition, EventStore store, int stateCacheSize, Clock clock,
      int conflictRetries, ReplyCache replies) {
    this(definition, store, stateCacheSize, clock, conflictRetries, replies, Telemetry.NOOP, "-");
  }

  /**
   * A core that also makes spans (load, handle, append, children of the current span) and records
   * metrics through {@code telemetry}.
   *
   * @param service the service's name, for the metrics' attributes
   */
  public CommandCore(AggregateDefinition<S, E> definition, EventStore store, int stateCacheSize, Clock clock,
      int conflictRetries, ReplyCache replies, Telemetry telemetry, String service) {
    this.telemetry = telemetry;
    this.counters = new CommandCounters(telemetry.aggregate(service, definition.type().name()));
    this.definition = definition;
    this.type = definition.type();
    this.store = store;
    this.wireFormStore = store instanceof WireFormAppend keeps ? keeps : null;
    this.cachedStore = store instanceof CachedExpectations trusting ? trusting : null;
    this.asyncStore = store instanceof AsyncAppend async ? async : null;
    if (cachedStore != null) {
      cachedStore.serves(type);
    }
    this.states = new AggregateState<>(definition, store, stateCacheSize, counters);
    this.clock = clock;
    this.conflictRetries = conflictRetries;
    this.replies = replies;
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new Semaphore(1);
    }
  }

  /** The aggregate type this core runs. */
  public AggregateType<S, E> type() {
    return type;
  }

  /**
   * This aggregate type's counters. The core counts conflicts, retries, rehydrations and cache
   * use; the transport counts each command's outcome ({@link CommandCounters#answered}) when it
   * answers, so refusals before the core (invalid, too large, at capacity) count too.
   */
  public CommandCounters counters() {
    return counters;
  }

  /**
   * Checks the command's constraints.
   *
   * @throws ServiceException {@code VALIDATION_FAILED} naming every violation
   */
  public <C> void validate(CommandBinding<S, C, E> binding, C command) {
    List<Violation> violations = binding.type().validator().validate(command);
    if (!violations.isEmpty()) {
      throw ErrorReplies.validationFailed(binding.type().name(), violations);
    }
  }

  /**
   * The request's metadata with the ids and time it left out filled in.
   *
   * @param given the metadata in the request body
   * @param transportMessageId the transport's message id (NATS: {@code Nats-Msg-Id}), used when the
   *     body has no {@code messageId}; {@code null} when there is none
   * @param receivedAtMillis when the request arrived, by the service's clock
   */
  public static CommandMetadata metadata(CommandMetadata given, String transportMessageId, long receivedAtMillis) {
    return metadata(given, transportMessageId, receivedAtMillis, null);
  }

  /**
   * The request's metadata with the ids and time it left out filled in, and the verified caller's
   * subject as its {@code userId} (whatever the request said) when there is one.
   *
   * @param principal the verified caller, or {@code null} when the service does not authenticate requests
   */
  public static CommandMetadata metadata(CommandMetadata given, String transportMessageId, long receivedAtMillis,
      Principal principal) {
    String messageId = given.messageId();
    if (messageId == null && transportMessageId != null && !transportMessageId.isEmpty()) {
      messageId = transportMessageId;
    }
    if (messageId == null) {
      messageId = Ids.next(receivedAtMillis);
    }
    String correlationId = given.correlationId() == null ? Ids.next(receivedAtMillis) : given.correlationId();
    Instant timestamp = given.timestamp() == null ? Instant.ofEpochMilli(receivedAtMillis) : given.timestamp();
    String userId = principal != null ? principal.subject() : given.userId();
    return new CommandMetadata(messageId, correlationId, given.causationId(), timestamp, userId,
        given.expectedRevision());
  }

  /**
   * Runs one command and answers it through {@code answer}: at once, or later when it repeats a
   * command that is still running. Every failure becomes an error reply; nothing is thrown.
   *
   * @param metadata complete metadata (see {@link #metadata})
   */
  public <C> void execute(CommandBinding<S, C, E> binding, AggregateId id, C command, CommandMetadata metadata,
      Deadline deadline, Answer answer) {
    execute(binding, id, command, metadata, null, deadline, answer);
  }

  /**
   * Runs one command for a verified caller, who is the handler's {@link CommandContext#principal()}.
   *
   * @param principal the verified caller, or {@code null} when the service does not authenticate requests
   */
  public <C> void execute(CommandBinding<S, C, E> binding, AggregateId id, C command, CommandMetadata metadata,
      Principal principal, Deadline deadline, Answer answer) {
    CompletableFuture<Reply> earlier = replies.claim(id, metadata.messageId());
    if (earlier != null) {
      earlier.thenAccept(answer::reply);
      return;
    }
    Semaphore lock = stripes[(id.hashCode() & 0x7fffffff) % STRIPES];
    boolean locked = false;
    Outcome outcome;
    try {
      locked = lock(lock, id, deadline);
      if (asyncStore != null && !telemetry.tracing()) {
        CommandContext context = new CommandContext(id, metadata, clock, Optional.ofNullable(principal));
        Prepared<S> prepared = prepare(binding, id, command, metadata, context, deadline);
        if (prepared.done() == null) {
          // from here the lock and the answer belong to the append's continuation
          answer.later();
          locked = false;
          appendLater(binding, id, command, metadata, principal, deadline, answer, lock, prepared);
          return;
        }
        outcome = prepared.done();
      } else {
        outcome = attempt(binding, id, command, metadata, principal, deadline, 0);
      }
    } catch (Exception | Error e) {
      outcome = failed(e, binding, id, metadata);
    }
    finish(id, metadata, outcome, answer, locked ? lock : null);
  }

  /**
   * Hands the prepared command's events to the store and answers when the append completes: a
   * clean append there and then (on the store's thread, without blocking); anything else as
   * {@link #attempt} would, since the store completes those where blocking is allowed.
   */
  private <C> void appendLater(CommandBinding<S, C, E> binding, AggregateId id, C command, CommandMetadata metadata,
      Principal principal, Deadline deadline, Answer answer, Semaphore lock, Prepared<S> prepared) {
    CompletableFuture<AppendResult> pending;
    try {
      pending = asyncStore.appendAsync(type, id, prepared.current().revision(), metadata.messageId(), prepared.events(),
          prepared.encoded().events());
    } catch (RuntimeException | Error e) {
      pending = CompletableFuture.failedFuture(e);
    }
    pending.whenComplete((result, failure) -> {
      Outcome outcome;
      try {
        outcome = failure != null ? failed(failure, binding, id, metadata) : settled(id, metadata, prepared, result, 0);
        if (outcome == null) {
          backoff(0);
          outcome = attempt(binding, id, command, metadata, principal, deadline, 1);
        }
      } catch (Exception | Error e) {
        outcome = failed(e, binding, id, metadata);
      }
      finish(id, metadata, outcome, answer, lock);
    });
  }

  /** Remembers the outcome, answers, publishes the stored events, and lets the next command of the aggregate run. */
  private void finish(AggregateId id, CommandMetadata metadata, Outcome outcome, Answer answer, Semaphore lock) {
    try {
      replies.complete(id, metadata.messageId(), outcome.reply());
      answer.reply(outcome.reply());
      // The events go out after the reply: a publication wakes the transport's writer, and the
      // reply should not wait behind it. Still under the aggregate's lock, so its events are
      // published in the order they were stored.
      if (outcome.wireForms().length > 0) {
        answer.publish(outcome.stored(), outcome.wireForms());
      }
    } finally {
      if (lock != null) {
        lock.release();
      }
    }
  }

  /** The error reply for what stopped a command. */
  private Outcome failed(Throwable failure, CommandBinding<S, ?, E> binding, AggregateId id, CommandMetadata metadata) {
    Throwable e = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    if (e instanceof ServiceException refused) {
      return new Outcome(Reply.error(refused));
    }
    if (e instanceof EventStoreUnavailableException unavailable) {
      if (!(e instanceof StoreCircuitOpenException)) {
        LOG.warn("event store unavailable for {} {} (correlationId={}, messageId={})",
            binding.type().name(), id, metadata.correlationId(), metadata.messageId(), e);
      }
      return new Outcome(Reply.storeUnavailable(unavailable));
    }
    if (e instanceof InterruptedException) {
      Thread.currentThread().interrupt();
      return new Outcome(Reply.error(ErrorCode.UNAVAILABLE, "the service is shutting down"));
    }
    LOG.error("command {} on {} failed unexpectedly (correlationId={}, messageId={})",
        binding.type().name(), id, metadata.correlationId(), metadata.messageId(), e);
    return new Outcome(Reply.internalError(metadata.correlationId()));
  }

  /** Answers a query with the entity. */
  public Reply query(AggregateId id) {
    Current<S> current = load(id, false);
    if (current.state() == null) {
      throw notFound(id);
    }
    return Reply.success(EntityReplies.encodeEntity(type, new Entity<>(id, current.revision(), current.state()), null));
  }

  /**
   * What a command came to: its reply, and the events it stored (with their wire forms) that are
   * still to be published; none for a refusal, a repeat or a command without events.
   */
  private record Outcome(Reply reply, List<RecordedEvent<?>> stored, byte[][] wireForms) {
    private static final byte[][] NONE = new byte[0][];

    Outcome(Reply reply) {
      this(reply, List.of(), NONE);
    }
  }

  /**
   * Takes the lock of {@code id}'s stripe, waiting at most until the request's deadline.
   *
   * @return {@code true}, once taken
   * @throws ServiceException {@code TIMEOUT} when the deadline passes first
   */
  private static boolean lock(Semaphore lock, AggregateId id, Deadline deadline) throws InterruptedException {
    long wait = Math.min(deadline.remainingMillis(), LOCK_WAIT_WITHOUT_DEADLINE_MILLIS);
    if (!lock.tryAcquire(wait, TimeUnit.MILLISECONDS)) {
      throw new ServiceException(ErrorCode.TIMEOUT,
          "the request's deadline passed while earlier commands for " + id.type() + " '" + id.key() + "' ran");
    }
    return true;
  }

  /**
   * Runs the command from attempt {@code first}, retrying after a concurrent writer, under the
   * aggregate's lock (which the caller holds).
   */
  private <C> Outcome attempt(CommandBinding<S, C, E> binding, AggregateId id, C command, CommandMetadata metadata,
      Principal principal, Deadline deadline, int first) throws Exception {
    CommandContext context = new CommandContext(id, metadata, clock, Optional.ofNullable(principal));
    for (int attempt = first; ; attempt++) {
      Prepared<S> prepared = prepare(binding, id, command, metadata, context, deadline);
      if (prepared.done() != null) {
        return prepared.done();
      }
      Outcome outcome = settled(id, metadata, prepared, append(id, metadata, prepared, attempt), attempt);
      if (outcome != null) {
        return outcome;
      }
      backoff(attempt);
    }
  }

  /**
   * What one attempt of a command came to before its append: an outcome already ({@code done}: a
   * repeat, a refusal, no events), or the events to append with the state and reply they make.
   */
  private record Prepared<S>(Outcome done, Current<S> current, List<RecordedEvent<?>> events,
      EntityReplies.CommandReply encoded, S state) {
    static <S> Prepared<S> done(Outcome outcome) {
      return new Prepared<>(outcome, null, null, null, null);
    }
  }

  /** Looks the command up when the store needs that, loads the state, runs the handler and encodes what it made. */
  private <C> Prepared<S> prepare(CommandBinding<S, C, E> binding, AggregateId id, C command, CommandMetadata metadata,
      CommandContext context, Deadline deadline) throws Exception {
    Long expected = metadata.expectedRevision();
    deadline.check("before the command ran");
    // a store that catches a repeat on append is asked only when the command is refused
    boolean lookedUp = cachedStore == null || !cachedStore.appendCatchesRepeat(metadata.messageId());
    if (lookedUp) {
      Optional<List<RecordedEvent<?>>> recorded = recorded(id, metadata.messageId());
      if (recorded.isPresent()) {
        return Prepared.done(new Outcome(replyForRecorded(id, recorded.get())));
      }
    }
    Current<S> current = load(id, cachedStore != null);
    List<? extends E> produced;
    try {
      if (expected != null && expected != current.revision()) {
        throw conflict(id, expected, current.revision());
      }
      produced = traced(binding, id, command, context, current);
      if (produced == null || produced.isEmpty()) {
        if (current.state() == null) {
          throw notFound(id);
        }
        Outcome repeat = lookedUp ? null : repeatOf(id, metadata);
        return Prepared.done(repeat != null ? repeat : new Outcome(
            Reply.success(EntityReplies.encodeEntity(type, new Entity<>(id, current.revision(), current.state()), List.of()))));
      }
    } catch (ServiceException refused) {
      Outcome repeat = lookedUp ? null : repeatOf(id, metadata);
      if (repeat != null) {
        return Prepared.done(repeat);
      }
      throw refused;
    }

    Instant now = Instant.ofEpochMilli(clock.millis());
    EventMetadata eventMetadata = new EventMetadata(metadata.correlationId(), metadata.messageId(), metadata.userId());
    RecordedEvent<?>[] events = new RecordedEvent<?>[produced.size()];
    int count = 0;
    S state = current.state();
    long revision = current.revision();
    for (E data : produced) {
      EventType<? extends E> eventType = data == null ? null : type.eventOf(data);
      if (eventType == null) {
        throw new IllegalStateException("the " + binding.type().name() + " handler returned "
            + (data == null ? "null" : "a " + data.getClass().getName()) + ", which is not an event of " + type.name());
      }
      revision++;
      events[count++] = new RecordedEvent<>(Ids.next(now.toEpochMilli()), id, eventType.name(), revision, now, data,
          eventMetadata);
      state = definition.apply(state, data);
    }

    deadline.check("before the events were stored");
    // the reply and each event's wire form in one pass, before the append: a store that keeps
    // bytes keeps those, and the same bytes are published
    // immutable without a further copy (null-free: each was just made)
    List<RecordedEvent<?>> newEvents = List.of(events);
    EntityReplies.CommandReply encoded = EntityReplies.encodeCommandReply(type, new Entity<>(id, revision, state), newEvents);
    return new Prepared<>(null, current, newEvents, encoded, state);
  }

  /** Appends the prepared events, waiting for the store, in a span of its own. */
  private AppendResult append(AggregateId id, CommandMetadata metadata, Prepared<S> prepared, int attempt) {
    List<RecordedEvent<?>> newEvents = prepared.events();
    Span append = telemetry.startSpan("append", type.name());
    try (Scope scope = Telemetry.current(append)) {
      append.setAttribute(Telemetry.AGGREGATE, type.name()).setAttribute(Telemetry.ATTEMPT, (long) attempt + 1)
          .setAttribute(Telemetry.EVENTS_APPENDED, (long) newEvents.size());
      long expected = prepared.current().revision();
      AppendResult result = wireFormStore != null
          ? wireFormStore.append(type, id, expected, metadata.messageId(), newEvents, prepared.encoded().events())
          : store.append(type, id, expected, metadata.messageId(), newEvents);
      if (result instanceof AppendResult.Conflict refused) {
        // a conflict is not a failure of the append span: the command retries or answers CONFLICT
        append.addEvent("conflict", Attributes.of(Telemetry.REVISION, refused.actualRevision(),
            Telemetry.ATTEMPT, (long) attempt + 1));
      } else if (result instanceof AppendResult.Duplicate) {
        append.addEvent("duplicate");
      }
      return result;
    } catch (RuntimeException | Error e) {
      Telemetry.failed(append, e);
      throw e;
    } finally {
      append.end();
    }
  }

  /**
   * What an append came to: the command's outcome, or {@code null} when another writer got there
   * first and the command is to run again.
   *
   * @throws ServiceException {@code CONFLICT} when the command expected a revision, or gave up retrying
   */
  private Outcome settled(AggregateId id, CommandMetadata metadata, Prepared<S> prepared, AppendResult result,
      int attempt) {
    if (result instanceof AppendResult.Appended appended) {
      List<RecordedEvent<?>> newEvents = prepared.events();
      long revision = newEvents.get(newEvents.size() - 1).revision();
      states.stored(id, prepared.current().revision(), appended.revision(), prepared.state());
      List<RecordedEvent<?>> stored = appended.events();
      EntityReplies.CommandReply encoded = prepared.encoded();
      if (appended.revision() != revision || (stored != newEvents && !stored.equals(newEvents))) {
        // a store that stored something else than it was given: answer with what it stored
        encoded = EntityReplies.encodeCommandReply(type, new Entity<>(id, appended.revision(), prepared.state()), stored);
      }
      return new Outcome(Reply.recorded(encoded.reply()), stored, encoded.events());
    }
    if (result instanceof AppendResult.Duplicate duplicate) {
      return new Outcome(replyForRecorded(id, duplicate.events()));
    }
    long actual = ((AppendResult.Conflict) result).actualRevision();
    counters.conflict();
    states.forget(id);
    if (metadata.expectedRevision() != null) {
      throw conflict(id, prepared.current().revision(), actual);
    }
    if (attempt >= conflictRetries) {
      throw new ServiceException(ErrorCode.CONFLICT,
          type.name() + " '" + id.key() + "' kept changing under concurrent writers; gave up after "
              + (attempt + 1) + " attempts",
          Map.of("attempts", attempt + 1, "actualRevision", actual));
    }
    counters.retry();
    Span.current().addEvent("retry", Attributes.of(Telemetry.ATTEMPT, (long) attempt + 2,
        Telemetry.REVISION, actual));
    return null;
  }

  /** Another instance wrote in between: back off a random moment so two writers stop colliding. */
  private static void backoff(int attempt) throws InterruptedException {
    Thread.sleep(ThreadLocalRandom.current().nextLong(0, 1L + Math.min(attempt + 1, 8)));
  }

  /** Loads the state of {@code id} in a span of its own: as cached ({@code cachedOnly}) or brought up to date. */
  private Current<S> load(AggregateId id, boolean cachedOnly) {
    Span span = telemetry.startSpan("load", type.name());
    try (Scope scope = Telemetry.current(span)) {
      span.setAttribute(Telemetry.AGGREGATE, type.name());
      return cachedOnly ? states.cached(id) : states.load(id);
    } catch (RuntimeException | Error e) {
      Telemetry.failed(span, e);
      throw e;
    } finally {
      span.end();
    }
  }

  /** Runs the handler in a span of its own; a refusal marks the span with its code. */
  private <C> List<? extends E> traced(CommandBinding<S, C, E> binding, AggregateId id, C command,
      CommandContext context, Current<S> current) throws Exception {
    Span span = telemetry.startSpan("handle", binding.type().name());
    try (Scope scope = Telemetry.current(span)) {
      span.setAttribute(Telemetry.COMMAND, binding.type().name()).setAttribute(Telemetry.REVISION, current.revision());
      return handle(binding, id, command, context, current);
    } catch (ServiceException e) {
      Telemetry.failed(span, e.code(), e.getMessage());
      throw e;
    } catch (Exception | Error e) {
      Telemetry.failed(span, e);
      throw e;
    } finally {
      span.end();
    }
  }

  /** The outcome of an earlier command with this {@code messageId}, when the store recorded one. */
  private Outcome repeatOf(AggregateId id, CommandMetadata metadata) {
    Optional<List<RecordedEvent<?>>> recorded = recorded(id, metadata.messageId());
    return recorded.isPresent() ? new Outcome(replyForRecorded(id, recorded.get())) : null;
  }

  /** What the command {@code messageId} for {@code id} recorded, asked of the store the way it answers best. */
  private Optional<List<RecordedEvent<?>>> recorded(AggregateId id, String messageId) {
    return cachedStore != null ? cachedStore.recorded(type, id, messageId) : store.recorded(messageId);
  }

  /** Runs the handler: a creating one on an aggregate that does not exist yet, any other on one that does. */
  private <C> List<? extends E> handle(CommandBinding<S, C, E> binding, AggregateId id, C command,
      CommandContext context, Current<S> current) throws Exception {
    if (binding.creating()) {
      if (current.revision() > 0 || current.state() != null) {
        throw new ServiceException(ErrorCode.CONFLICT,
            type.name() + " '" + id.key() + "' already exists; " + binding.type().name() + " only creates one",
            Map.of("actualRevision", current.revision()));
      }
      return binding.creatingHandler().handle(command, context);
    }
    if (current.state() == null) {
      throw notFound(id);
    }
    return binding.handler().handle(current.state(), command, context);
  }

  /** The reply of a command that was recorded before: the entity as those events left it, and the events. */
  private Reply replyForRecorded(AggregateId id, List<RecordedEvent<?>> events) {
    RecordedEvent<?> last = events.get(events.size() - 1);
    if (!last.aggregate().equals(id)) {
      throw new ServiceException(ErrorCode.CONFLICT, "this messageId was already used by a command for another aggregate");
    }
    long revision = last.revision();
    return Reply.recorded(EntityReplies.encodeEntity(type, new Entity<>(id, revision, states.at(id, revision)), events));
  }

  private ServiceException notFound(AggregateId id) {
    return new ServiceException(ErrorCode.NOT_FOUND, type.name() + " '" + id.key() + "' does not exist");
  }

  private ServiceException conflict(AggregateId id, long expected, long actual) {
    return new ServiceException(ErrorCode.CONFLICT,
        type.name() + " '" + id.key() + "' is at revision " + actual + ", not " + expected,
        Map.of("expectedRevision", expected, "actualRevision", actual));
  }
}
