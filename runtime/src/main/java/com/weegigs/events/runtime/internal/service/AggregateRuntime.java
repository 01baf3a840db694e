package com.weegigs.events.runtime.internal.service;

import com.weegigs.events.runtime.AggregateId;
import com.weegigs.events.runtime.CommandContext;
import com.weegigs.events.runtime.CommandMetadata;
import com.weegigs.events.runtime.Entity;
import com.weegigs.events.runtime.EventMetadata;
import com.weegigs.events.runtime.RecordedEvent;
import com.weegigs.events.runtime.definition.AggregateDefinition;
import com.weegigs.events.runtime.definition.AggregateDefinition.CommandBinding;
import com.weegigs.events.runtime.definition.AggregateType;
import com.weegigs.events.runtime.definition.CommandType;
import com.weegigs.events.runtime.definition.EventType;
import com.weegigs.events.runtime.error.ErrorCode;
import com.weegigs.events.runtime.error.ServiceException;
import com.weegigs.events.runtime.internal.service.StateCache.Current;
import com.weegigs.events.runtime.internal.wire.EntityReplies;
import com.weegigs.events.runtime.internal.wire.ErrorReplies;
import com.weegigs.events.runtime.internal.wire.Requests;
import com.weegigs.events.runtime.internal.wire.SealedHeaders;
import com.weegigs.events.runtime.internal.wire.Subjects;
import com.weegigs.events.runtime.internal.wire.WireHeaders;
import com.weegigs.events.runtime.store.AppendResult;
import com.weegigs.events.runtime.store.EventStore;
import com.weegigs.events.runtime.store.EventStoreUnavailableException;
import com.weegigs.events.runtime.validation.Violation;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.impl.Headers;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the commands and queries of one hosted aggregate type: decode, validate, load (cached
 * state plus newer events), run the handler, append with the expected revision, reply, publish.
 * Commands for one aggregate run one at a time in this instance (striped locks); writers in other
 * instances are caught by the store's expected revision and retried.
 */
final class AggregateRuntime<S, E> {
  private static final Logger LOG = LoggerFactory.getLogger("com.weegigs.events.runtime.NatsService");
  private static final int STRIPES = 256;
  private static final long LOCK_WAIT_WITHOUT_DEADLINE_MILLIS = 60_000;

  private final AggregateDefinition<S, E> definition;
  private final AggregateType<S, E> type;
  private final EventStore store;
  private final StateCache<S> cache;
  private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];
  private final Clock clock;
  private final int conflictRetries;
  private final Connection connection;
  private final ReplyCache replies;
  private final Map<String, String> eventSubjects = new HashMap<>();

  AggregateRuntime(
      String service,
      AggregateDefinition<S, E> definition,
      EventStore store,
      int stateCacheSize,
      Clock clock,
      int conflictRetries,
      Connection connection,
      ReplyCache replies) {
    this.definition = definition;
    this.type = definition.type();
    this.store = store;
    this.cache = new StateCache<>(stateCacheSize);
    this.clock = clock;
    this.conflictRetries = conflictRetries;
    this.connection = connection;
    this.replies = replies;
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new ReentrantLock();
    }
    for (EventType<? extends E> event : type.events().values()) {
      eventSubjects.put(event.name(), Subjects.event(service, type.name(), event.name()));
    }
  }

  // ------------------------------------------------------------------ commands

  /**
   * Handles one command request and answers it through {@code responder} (possibly later, when
   * it repeats a command that is still running).
   *
   * @throws ServiceException for a request that cannot be decoded or is not valid
   */
  <C> void command(
      CommandBinding<S, C, E> binding,
      Message message,
      long receivedAtMillis,
      Deadline deadline,
      TraceContext trace,
      Responder responder) {
    CommandType<C> commandType = binding.type();
    Requests.CommandRequest<C> request = Requests.decodeCommandRequest(message.getData(), type.name(), commandType);
    List<Violation> violations = commandType.validator().validate(request.command());
    if (!violations.isEmpty()) {
      throw ErrorReplies.validationFailed(commandType.name(), violations);
    }
    CommandMetadata metadata = fill(request.metadata(), message.getHeaders(), receivedAtMillis);
    CompletableFuture<Reply> earlier = replies.claim(request.aggregateId(), metadata.messageId());
    if (earlier != null) {
      earlier.thenAccept(reply -> responder.respond(message, reply));
      return;
    }
    AggregateId id = request.aggregateId();
    ReentrantLock lock = stripes[(id.hashCode() & 0x7fffffff) % STRIPES];
    boolean locked = false;
    Outcome outcome;
    try {
      locked = lock(lock, id, deadline);
      outcome = execute(binding, id, request.command(), metadata, deadline);
    } catch (ServiceException e) {
      outcome = new Outcome(Reply.error(e));
    } catch (EventStoreUnavailableException e) {
      LOG.warn("event store unavailable for {} {} (correlationId={}, messageId={})",
          commandType.name(), request.aggregateId(), metadata.correlationId(), metadata.messageId(), e);
      outcome = new Outcome(Reply.error(ErrorCode.UNAVAILABLE, "the event store is unavailable; try again later"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      outcome = new Outcome(Reply.error(ErrorCode.UNAVAILABLE, "the service is shutting down"));
    } catch (Exception | Error e) {
      LOG.error("command {} on {} failed unexpectedly (correlationId={}, messageId={})",
          commandType.name(), request.aggregateId(), metadata.correlationId(), metadata.messageId(), e);
      outcome = new Outcome(internalError(metadata.correlationId()));
    }
    try {
      replies.complete(id, metadata.messageId(), outcome.reply());
      responder.respond(message, outcome.reply());
      // The events go out after the reply: each publish wakes the connection's writer thread, and
      // the reply should not wait behind the event's wake-up and write. Still under the aggregate's
      // lock, so its events are published in the order they were stored.
      publish(outcome.stored(), outcome.wireForms(), trace);
    } finally {
      if (locked) {
        lock.unlock();
      }
    }
  }

  /**
   * What a command came to: its reply, and the events it stored (with their wire forms) that are
   * still to be published; none for a refusal, a repeat or a command without events.
   */
  private record Outcome(Reply reply, List<RecordedEvent<?>> stored, byte[][] wireForms) {
    Outcome(Reply reply) {
      this(reply, List.of(), new byte[0][]);
    }
  }

  /**
   * Takes the lock of {@code id}'s stripe, waiting at most until the request's deadline.
   *
   * @return {@code true}, once taken
   * @throws ServiceException {@code TIMEOUT} when the deadline passes first
   */
  private static boolean lock(ReentrantLock lock, AggregateId id, Deadline deadline) throws InterruptedException {
    long wait = Math.min(deadline.remainingMillis(), LOCK_WAIT_WITHOUT_DEADLINE_MILLIS);
    if (!lock.tryLock(wait, TimeUnit.MILLISECONDS)) {
      throw new ServiceException(ErrorCode.TIMEOUT,
          "the request's deadline passed while earlier commands for " + id.type() + " '" + id.key() + "' ran");
    }
    return true;
  }

  static Reply internalError(String correlationId) {
    return Reply.error(ErrorCode.INTERNAL,
        "internal error; the service logged it with correlation id " + (correlationId == null ? "-" : correlationId));
  }

  private CommandMetadata fill(CommandMetadata metadata, Headers headers, long receivedAtMillis) {
    String messageId = metadata.messageId();
    if (messageId == null && headers != null) {
      String header = headers.getFirst(WireHeaders.NATS_MSG_ID);
      if (header != null && !header.isEmpty()) {
        messageId = header;
      }
    }
    if (messageId == null) {
      messageId = Ids.next(receivedAtMillis);
    }
    String correlationId = metadata.correlationId() == null ? Ids.next(receivedAtMillis) : metadata.correlationId();
    Instant timestamp = metadata.timestamp() == null ? Instant.ofEpochMilli(receivedAtMillis) : metadata.timestamp();
    return new CommandMetadata(messageId, correlationId, metadata.causationId(), timestamp, metadata.userId(),
        metadata.expectedRevision());
  }

  /** Runs the command, under the aggregate's lock (which the caller holds). */
  private <C> Outcome execute(CommandBinding<S, C, E> binding, AggregateId id, C command, CommandMetadata metadata,
      Deadline deadline) throws Exception {
    Long expected = metadata.expectedRevision();
    for (int attempt = 0; ; attempt++) {
      deadline.check("before the command ran");
      Optional<List<RecordedEvent<?>>> recorded = store.recorded(metadata.messageId());
      if (recorded.isPresent()) {
        return new Outcome(replyForRecorded(id, recorded.get()));
      }
      Current<S> current = load(id);
      if (expected != null && expected != current.revision()) {
        throw conflict(id, expected, current.revision());
      }
      CommandContext context = new CommandContext(id, metadata, clock);
      List<? extends E> produced;
      if (binding.creating()) {
        if (current.revision() > 0 || current.state() != null) {
          throw new ServiceException(ErrorCode.CONFLICT,
              type.name() + " '" + id.key() + "' already exists; " + binding.type().name() + " only creates one",
              Map.of("actualRevision", current.revision()));
        }
        produced = binding.creatingHandler().handle(command, context);
      } else {
        if (current.state() == null) {
          throw notFound(id);
        }
        produced = binding.handler().handle(current.state(), command, context);
      }
      if (produced == null || produced.isEmpty()) {
        if (current.state() == null) {
          throw notFound(id);
        }
        return new Outcome(
            Reply.success(EntityReplies.encodeEntity(type, new Entity<>(id, current.revision(), current.state()), List.of())));
      }

      Instant now = Instant.ofEpochMilli(clock.millis());
      EventMetadata eventMetadata = new EventMetadata(metadata.correlationId(), metadata.messageId(), metadata.userId());
      List<RecordedEvent<?>> events = new ArrayList<>(produced.size());
      S state = current.state();
      long revision = current.revision();
      for (E data : produced) {
        EventType<? extends E> eventType = data == null ? null : type.eventOf(data);
        if (eventType == null) {
          throw new IllegalStateException("the " + binding.type().name() + " handler returned "
              + (data == null ? "null" : "a " + data.getClass().getName()) + ", which is not an event of " + type.name());
        }
        revision++;
        events.add(new RecordedEvent<>(Ids.next(now.toEpochMilli()), id, eventType.name(), revision, now, data, eventMetadata));
        state = definition.apply(state, data);
      }

      deadline.check("before the events were stored");
      // the reply and each event's wire form in one pass, before the append: the store keeps
      // those bytes, and the same bytes are published
      List<RecordedEvent<?>> newEvents = List.copyOf(events);
      EntityReplies.CommandReply encoded = EntityReplies.encodeCommandReply(type, new Entity<>(id, revision, state), newEvents);
      AppendResult result =
          store.append(type, id, current.revision(), metadata.messageId(), newEvents, Arrays.asList(encoded.events()));
      if (result instanceof AppendResult.Appended appended) {
        cache.put(id, new Current<>(appended.revision(), state));
        List<RecordedEvent<?>> stored = appended.events();
        if (appended.revision() != revision || (stored != newEvents && !stored.equals(newEvents))) {
          // a store that stored something else than it was given: answer with what it stored
          encoded = EntityReplies.encodeCommandReply(type, new Entity<>(id, appended.revision(), state), stored);
        }
        return new Outcome(Reply.recorded(encoded.reply()), stored, encoded.events());
      }
      if (result instanceof AppendResult.Duplicate duplicate) {
        return new Outcome(replyForRecorded(id, duplicate.events()));
      }
      long actual = ((AppendResult.Conflict) result).actualRevision();
      cache.remove(id);
      if (expected != null) {
        throw conflict(id, current.revision(), actual);
      }
      if (attempt >= conflictRetries) {
        throw new ServiceException(ErrorCode.CONFLICT,
            type.name() + " '" + id.key() + "' kept changing under concurrent writers; gave up after "
                + (attempt + 1) + " attempts",
            Map.of("attempts", attempt + 1, "actualRevision", actual));
      }
      // another instance wrote in between: back off a random moment so two writers stop colliding
      Thread.sleep(ThreadLocalRandom.current().nextLong(0, 1L + Math.min(attempt + 1, 8)));
    }
  }

  /** The reply of a command that was recorded before: the entity as those events left it, and the events. */
  private Reply replyForRecorded(AggregateId id, List<RecordedEvent<?>> events) {
    RecordedEvent<?> last = events.get(events.size() - 1);
    if (!last.aggregate().equals(id)) {
      throw new ServiceException(ErrorCode.CONFLICT, "this messageId was already used by a command for another aggregate");
    }
    long revision = last.revision();
    S state = stateAt(id, revision);
    return Reply.recorded(EntityReplies.encodeEntity(type, new Entity<>(id, revision, state), events));
  }

  private S stateAt(AggregateId id, long revision) {
    Current<S> cached = cache.get(id);
    if (cached != null && cached.revision() == revision) {
      return cached.state();
    }
    // rare: a repeat of an older command; rebuild the state it left from the history
    S state = definition.hasInitialState() ? definition.initialState(id.key()) : null;
    for (RecordedEvent<?> event : store.load(type, id, 0)) {
      if (event.revision() > revision) {
        break;
      }
      state = definition.apply(state, event.data());
    }
    return state;
  }

  private void publish(List<RecordedEvent<?>> events, byte[][] encoded, TraceContext trace) {
    for (int i = 0; i < encoded.length; i++) {
      RecordedEvent<?> event = events.get(i);
      try {
        SealedHeaders headers = new SealedHeaders()
            .put(WireHeaders.NATS_MSG_ID, event.id())
            .put(WireHeaders.CONTENT_TYPE, WireHeaders.APPLICATION_JSON);
        trace.addTo(headers);
        // sealed: jnats sends them as they are instead of copying them
        connection.publish(eventSubjects.get(event.type()), headers.seal(), encoded[i]);
      } catch (RuntimeException e) {
        // the events are stored: the store is the truth, live publications are notifications
        LOG.warn("could not publish event {} ({} of {})", event.id(), event.type(), event.aggregate(), e);
      }
    }
  }

  // ------------------------------------------------------------------ queries

  /** Answers a query request with the entity. */
  Reply query(Message message) {
    AggregateId id = Requests.decodeQueryRequest(message.getData(), type.name());
    Current<S> current = load(id);
    if (current.state() == null) {
      throw notFound(id);
    }
    return Reply.success(EntityReplies.encodeEntity(type, new Entity<>(id, current.revision(), current.state()), null));
  }

  // ------------------------------------------------------------------ state

  /** The current state: the cached one brought up to date with newer events, or the history folded. */
  private Current<S> load(AggregateId id) {
    Current<S> cached = cache.get(id);
    long after = cached == null ? 0 : cached.revision();
    List<RecordedEvent<?>> newer = store.load(type, id, after);
    if (cached != null && newer.isEmpty()) {
      return cached;
    }
    S state = cached != null ? cached.state() : definition.hasInitialState() ? definition.initialState(id.key()) : null;
    long revision = after;
    for (RecordedEvent<?> event : newer) {
      state = definition.apply(state, event.data());
      revision = event.revision();
    }
    Current<S> current = new Current<>(revision, state);
    cache.put(id, current);
    return current;
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
