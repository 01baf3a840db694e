package com.weegigs.events.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.runtime.AggregateId;
import com.weegigs.events.runtime.CommandResult;
import com.weegigs.events.runtime.Entity;
import com.weegigs.events.runtime.EventMetadata;
import com.weegigs.events.runtime.RecordedEvent;
import com.weegigs.events.runtime.error.ConflictException;
import com.weegigs.events.runtime.error.DeadlineExceededException;
import com.weegigs.events.runtime.error.ErrorCode;
import com.weegigs.events.runtime.error.ForbiddenException;
import com.weegigs.events.runtime.error.InternalException;
import com.weegigs.events.runtime.error.InvalidRequestException;
import com.weegigs.events.runtime.error.NotFoundException;
import com.weegigs.events.runtime.error.PayloadTooLargeException;
import com.weegigs.events.runtime.error.RateLimitedException;
import com.weegigs.events.runtime.error.RejectedException;
import com.weegigs.events.runtime.error.ServiceException;
import com.weegigs.events.runtime.error.UnauthenticatedException;
import com.weegigs.events.runtime.error.UnavailableException;
import com.weegigs.events.runtime.error.ValidationFailedException;
import com.weegigs.events.runtime.fixtures.Counters.Add;
import com.weegigs.events.runtime.fixtures.Counters.Added;
import com.weegigs.events.runtime.fixtures.Counters.Counter;
import com.weegigs.events.runtime.fixtures.Counters;
import com.weegigs.events.runtime.internal.wire.EntityReplies;
import com.weegigs.events.runtime.internal.wire.Requests;
import com.weegigs.events.runtime.internal.wire.WireHeaders;
import com.weegigs.events.runtime.validation.Violation;
import com.weegigs.events.testing.NatsServer;
import com.weegigs.events.testing.NatsTest;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.impl.Headers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@NatsTest
class ServiceClientTest {
  private static final String ADD_SUBJECT = "counters.command.counter.add";
  private static final String GET_SUBJECT = "counters.query.counter.get";

  private NatsServer server;
  private Connection serviceSide;
  private ServiceClient client;
  private AggregateClient<Counter, Object> counters;

  @BeforeEach
  void connect(NatsServer server) {
    this.server = server;
    serviceSide = server.connect();
    client = ServiceClient.create(server.connect(), "counters");
    counters = new AggregateClient<>(client, Counters.COUNTER);
  }

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void aCommandGoesWithoutHeadersWithItsMessageIdInTheBodyAndDecodesTheEntityAndEvents() throws Exception {
    Responder responder = Responder.answering(serviceSide, ADD_SUBJECT, request -> {
      var command = Requests.decodeCommandRequest(request.getData(), "counter", Counters.ADD);
      AggregateId id = command.aggregateId();
      RecordedEvent<Added> event = new RecordedEvent<>("e-1", id, "added", 3, Instant.parse("2026-11-27T10:00:00Z"),
          new Added(command.command().amount()), new EventMetadata("c-1", command.metadata().messageId(), null));
      return Responder.ok(EntityReplies.encodeEntity(Counters.COUNTER, new Entity<>(id, 3, new Counter(id.key(), 7)), List.of(event)));
    });

    CommandResult<Counter, Object> result = AggregateClient.await(
        counters.send(Counters.ADD, "c-1", new Add(4), CallOptions.DEFAULT.withTimeout(Duration.ofSeconds(7))));

    assertEquals(new Counter("c-1", 7), result.entity().state());
    assertEquals(3, result.entity().revision());
    assertEquals(new AggregateId("counter", "c-1"), result.entity().aggregate());
    assertEquals(1, result.events().size());
    assertEquals(new Added(4), result.events().get(0).data());
    assertEquals("added", result.events().get(0).type());

    Message request = responder.nextRequest();
    assertFalse(request.hasHeaders(), () -> "the default call sent headers: " + request.getHeaders());
    var decoded = Requests.decodeCommandRequest(request.getData(), "counter", Counters.ADD);
    String messageId = decoded.metadata().messageId();
    assertNotNull(messageId);
    assertEquals(26, messageId.length());
    assertEquals(new Add(4), decoded.command());
    assertEquals(new AggregateId("counter", "c-1"), decoded.aggregateId());
  }

  @Test
  void aDeadlineAndATraceToContinueAreTheHeadersACallSends() throws Exception {
    Responder responder = Responder.answering(serviceSide, ADD_SUBJECT, request -> {
      AggregateId id = new AggregateId("counter", "c-1");
      return Responder.ok(EntityReplies.encodeEntity(Counters.COUNTER, new Entity<>(id, 1, new Counter("c-1", 1)), List.of()));
    });
    String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    Instant deadline = Instant.now().plusSeconds(30);

    AggregateClient.await(counters.send(Counters.ADD, "c-1", new Add(1), CallOptions.DEFAULT.withDeadline(deadline)));
    AggregateClient.await(counters.send(Counters.ADD, "c-1", new Add(1), CallOptions.DEFAULT.withTraceparent(traceparent)));

    Headers first = responder.nextRequest().getHeaders();
    assertEquals(Set.of(WireHeaders.WEE_DEADLINE), first.keySet());
    assertEquals(Long.toString(deadline.toEpochMilli()), first.getFirst(WireHeaders.WEE_DEADLINE));
    Headers second = responder.nextRequest().getHeaders();
    assertEquals(Set.of(WireHeaders.TRACEPARENT), second.keySet());
    assertEquals(traceparent, second.getFirst(WireHeaders.TRACEPARENT));
  }

  @Test
  void aDeadlineThatHasPassedFailsAtOnceWithoutSending() throws Exception {
    Responder responder = Responder.answering(serviceSide, ADD_SUBJECT, request -> {
      AggregateId id = new AggregateId("counter", "c-1");
      return Responder.ok(EntityReplies.encodeEntity(Counters.COUNTER, new Entity<>(id, 1, new Counter("c-1", 1)), List.of()));
    });

    DeadlineExceededException failure = assertThrows(DeadlineExceededException.class, () -> AggregateClient.await(
        counters.send(Counters.ADD, "c-1", new Add(1), CallOptions.DEFAULT.withDeadline(Instant.now().minusSeconds(1)))));
    AggregateClient.await(counters.send(Counters.ADD, "c-1", new Add(2), CallOptions.DEFAULT));

    assertTrue(failure.getMessage().contains("passed before the request"), failure.getMessage());
    // requests from one connection arrive in order: had the first been sent, it would be received first
    Message received = responder.nextRequest();
    assertEquals(new Add(2), Requests.decodeCommandRequest(received.getData(), "counter", Counters.ADD).command());
  }

  @Test
  void aDeadlineBeforeTheTimeoutEndsTheWait() throws Exception {
    Responder.silent(serviceSide, ADD_SUBJECT);
    CallOptions options = CallOptions.DEFAULT.withTimeout(Duration.ofMinutes(5))
        .withDeadline(Instant.now().plusMillis(200));

    CompletableFuture<CommandResult<Counter, Object>> call = counters.send(Counters.ADD, "c-1", new Add(1), options);

    // bounded far below the five-minute timeout: only the deadline can end the call in time
    ExecutionException failure = assertThrows(ExecutionException.class, () -> call.get(30, TimeUnit.SECONDS));
    assertInstanceOf(DeadlineExceededException.class, failure.getCause());
  }

  @Test
  void callOptionsTravelInTheMetadataAndEachCallWithoutAnIdGetsANewOne() throws Exception {
    Responder responder = Responder.answering(serviceSide, ADD_SUBJECT, request -> {
      AggregateId id = new AggregateId("counter", "c-1");
      return Responder.ok(EntityReplies.encodeEntity(Counters.COUNTER, new Entity<>(id, 1, new Counter("c-1", 1)), List.of()));
    });
    CallOptions options = CallOptions.DEFAULT.withMessageId("m-42").withCorrelationId("corr-1")
        .withCausationId("cause-1").withUserId("user-1").withExpectedRevision(5L);

    AggregateClient.await(counters.send(Counters.ADD, "c-1", new Add(1), options));
    AggregateClient.await(counters.send(Counters.ADD, "c-1", new Add(1), CallOptions.DEFAULT));
    AggregateClient.await(counters.send(Counters.ADD, "c-1", new Add(1), CallOptions.DEFAULT));

    Message first = responder.nextRequest();
    assertFalse(first.hasHeaders(), () -> "ids travel in the body, not in headers: " + first.getHeaders());
    var metadata = Requests.decodeCommandRequest(first.getData(), "counter", Counters.ADD).metadata();
    assertEquals("m-42", metadata.messageId());
    assertEquals("corr-1", metadata.correlationId());
    assertEquals("cause-1", metadata.causationId());
    assertEquals("user-1", metadata.userId());
    assertEquals(5L, metadata.expectedRevision());
    assertNotNull(metadata.timestamp());
    String second = Requests.decodeCommandRequest(responder.nextRequest().getData(), "counter", Counters.ADD)
        .metadata().messageId();
    String third = Requests.decodeCommandRequest(responder.nextRequest().getData(), "counter", Counters.ADD)
        .metadata().messageId();
    assertNotNull(second);
    assertNotEquals(second, third);
  }

  @ParameterizedTest
  @EnumSource(ErrorCode.class)
  void everyErrorCodeBecomesItsOwnExceptionWithCodeMessageAndDetails(ErrorCode code) throws Exception {
    Map<String, Object> details = switch (code) {
      case VALIDATION_FAILED -> Map.of("violations", List.of(Map.of("path", "amount", "message", "must be greater than or equal to 1")));
      case REJECTED -> Map.of("reason", "counter-locked");
      case RATE_LIMITED -> Map.of("retryAfterMs", 1500);
      default -> Map.of("hint", "details of " + code);
    };
    Responder.answering(serviceSide, ADD_SUBJECT, request -> Responder.error(code, "message of " + code, details));

    ServiceException failure = assertThrows(ServiceException.class,
        () -> AggregateClient.await(counters.send(Counters.ADD, "c-1", new Add(1), CallOptions.DEFAULT)));

    assertEquals(code, failure.code());
    assertEquals("message of " + code, failure.getMessage());
    assertEquals(details, failure.details());
    Class<? extends ServiceException> expected = switch (code) {
      case INVALID_REQUEST -> InvalidRequestException.class;
      case VALIDATION_FAILED -> ValidationFailedException.class;
      case UNAUTHENTICATED -> UnauthenticatedException.class;
      case FORBIDDEN -> ForbiddenException.class;
      case NOT_FOUND -> NotFoundException.class;
      case CONFLICT -> ConflictException.class;
      case PAYLOAD_TOO_LARGE -> PayloadTooLargeException.class;
      case REJECTED -> RejectedException.class;
      case RATE_LIMITED -> RateLimitedException.class;
      case INTERNAL -> InternalException.class;
      case UNAVAILABLE -> UnavailableException.class;
      case TIMEOUT -> DeadlineExceededException.class;
    };
    assertEquals(expected, failure.getClass());
    if (failure instanceof ValidationFailedException validation) {
      assertEquals(List.of(new Violation("amount", "must be greater than or equal to 1")), validation.violations());
    }
    if (failure instanceof RejectedException rejected) {
      assertEquals("counter-locked", rejected.reason());
    }
    if (failure instanceof RateLimitedException limited) {
      assertEquals(1500, limited.retryAfterMs());
    }
  }

  @Test
  void anErrorReplyWithOnlyTheAdr32HeadersIsMappedByItsNumber() throws Exception {
    Responder.answering(serviceSide, ADD_SUBJECT, request -> new Responder.Reply(
        new Headers().put(WireHeaders.SERVICE_ERROR_CODE, "409").put(WireHeaders.SERVICE_ERROR, "revision moved on"),
        new byte[0]));

    ConflictException failure = assertThrows(ConflictException.class,
        () -> AggregateClient.await(counters.send(Counters.ADD, "c-1", new Add(1), CallOptions.DEFAULT)));

    assertEquals("revision moved on", failure.getMessage());
  }

  @Test
  void noRespondersIsReportedAtOnceAsUnavailableNotAsATimeout() {
    // A minute-long timeout: were no-responders not detected, this would end as TIMEOUT after it.
    UnavailableException failure = assertThrows(UnavailableException.class, () -> AggregateClient.await(
        counters.send(Counters.ADD, "c-1", new Add(1), CallOptions.DEFAULT.withTimeout(Duration.ofMinutes(1)))));

    assertTrue(failure.getMessage().contains("no responders"), failure.getMessage());
    assertTrue(failure.getMessage().contains(ADD_SUBJECT), failure.getMessage());
  }

  @Test
  void aServiceThatDoesNotAnswerInTimeFailsWithTimeout() throws Exception {
    Responder silent = Responder.silent(serviceSide, ADD_SUBJECT);

    DeadlineExceededException failure = assertThrows(DeadlineExceededException.class, () -> AggregateClient.await(
        counters.send(Counters.ADD, "c-1", new Add(1), CallOptions.DEFAULT.withTimeout(Duration.ofMillis(300)))));

    assertEquals(ErrorCode.TIMEOUT, failure.code());
    assertNotNull(silent.nextRequest());
  }

  @Test
  void getSendsTheQueryAndDecodesTheEntity() throws Exception {
    Responder responder = Responder.answering(serviceSide, GET_SUBJECT, request -> {
      AggregateId id = Requests.decodeQueryRequest(request.getData(), "counter");
      return Responder.ok(EntityReplies.encodeEntity(Counters.COUNTER, new Entity<>(id, 9, new Counter(id.key(), 12)), null));
    });

    Entity<Counter> entity = AggregateClient.await(counters.get("till 3/ü", CallOptions.DEFAULT));

    assertEquals(new Counter("till 3/ü", 12), entity.state());
    assertEquals(9, entity.revision());
    Message request = responder.nextRequest();
    assertFalse(request.hasHeaders(), () -> "a query without a deadline or trace sent headers: " + request.getHeaders());
  }

  @Test
  void getOfAMissingEntityThrowsNotFound() throws Exception {
    Responder.answering(serviceSide, GET_SUBJECT,
        request -> Responder.error(ErrorCode.NOT_FOUND, "no counter c-9", Map.of()));

    NotFoundException failure = assertThrows(NotFoundException.class,
        () -> AggregateClient.await(counters.get("c-9", CallOptions.DEFAULT)));

    assertEquals("no counter c-9", failure.getMessage());
  }

  @Test
  void anInvalidKeyFailsAsInvalidRequestWithoutAServer() {
    String tooLong = "k".repeat(AggregateId.MAX_KEY_BYTES + 1);

    assertThrows(InvalidRequestException.class,
        () -> AggregateClient.await(counters.send(Counters.ADD, tooLong, new Add(1), CallOptions.DEFAULT)));
    assertThrows(InvalidRequestException.class, () -> AggregateClient.await(counters.get("", CallOptions.DEFAULT)));
  }

  @Test
  void aReplyThatIsNotAnEntityIsAnInternalError() throws Exception {
    Responder.answering(serviceSide, ADD_SUBJECT,
        request -> Responder.ok("{\"surprise\":true}".getBytes(StandardCharsets.UTF_8)));

    InternalException failure = assertThrows(InternalException.class,
        () -> AggregateClient.await(counters.send(Counters.ADD, "c-1", new Add(1), CallOptions.DEFAULT)));

    assertTrue(failure.getMessage().contains("malformed"), failure.getMessage());
  }

  @Test
  void aClosedClientFailsCallsAsUnavailable() {
    client.close();

    assertInstanceOf(UnavailableException.class, assertThrows(ServiceException.class,
        () -> AggregateClient.await(counters.get("c-1", CallOptions.DEFAULT))));
  }

  /** Answers gets with revision 1, holding the answer for {@code c-1} until {@code release} opens. */
  private void answerGetsHoldingTheFirstUntil(CountDownLatch release) throws Exception {
    Responder.answering(serviceSide, GET_SUBJECT, request -> {
      AggregateId id = Requests.decodeQueryRequest(request.getData(), "counter");
      if (id.key().equals("c-1")) {
        try {
          release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return Responder.ok(EntityReplies.encodeEntity(Counters.COUNTER, new Entity<>(id, 1, new Counter(id.key(), 1)), null));
    });
  }

  @Test
  void aContinuationOnTheReplyThreadThatWaitsForAnotherCallFailsAtOnceInsteadOfDeadlocking() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    answerGetsHoldingTheFirstUntil(release);

    // The continuation is registered before the reply exists, so it runs on the NATS thread that
    // delivers it: waiting there for another reply of the same connection could never end.
    CompletableFuture<Long> awaiting = counters.get("c-1", CallOptions.DEFAULT)
        .thenApply(first -> first.revision() + AggregateClient.await(counters.get("c-2", CallOptions.DEFAULT)).revision());
    CompletableFuture<Long> joining = counters.get("c-1", CallOptions.DEFAULT)
        .thenApply(first -> first.revision() + counters.get("c-2", CallOptions.DEFAULT).join().revision());
    release.countDown();

    for (CompletableFuture<Long> chained : List.of(awaiting, joining)) {
      ExecutionException failure = assertThrows(ExecutionException.class, () -> chained.get(10, TimeUnit.SECONDS));
      IllegalStateException refused = assertInstanceOf(IllegalStateException.class, failure.getCause());
      assertTrue(refused.getMessage().contains("thenXxxAsync"), refused.getMessage());
      assertTrue(refused.getMessage().contains("executor("), refused.getMessage());
    }
  }

  @Test
  void anAsyncContinuationMayWaitForAnotherCall() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    answerGetsHoldingTheFirstUntil(release);

    CompletableFuture<Long> chained = counters.get("c-1", CallOptions.DEFAULT)
        .thenApplyAsync(first -> first.revision() + AggregateClient.await(counters.get("c-2", CallOptions.DEFAULT)).revision());
    release.countDown();

    assertEquals(2, AggregateClient.await(chained));
  }

  @Test
  void withAnExecutorContinuationsRunOffTheNatsThreadsSoTheyMayWaitForAnotherCall() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    answerGetsHoldingTheFirstUntil(release);
    ExecutorService executor = Executors.newCachedThreadPool();
    try (ServiceClient withExecutor = ServiceClient.builder("counters").connection(server.connect()).executor(executor).build()) {
      AggregateClient<Counter, Object> viaExecutor = new AggregateClient<>(withExecutor, Counters.COUNTER);

      // Blocking inside a continuation on a NATS thread would stop the reply of the inner call.
      CompletableFuture<Long> chained = viaExecutor.get("c-1", CallOptions.DEFAULT)
          .thenApply(first -> first.revision() + AggregateClient.await(viaExecutor.get("c-2", CallOptions.DEFAULT)).revision());
      release.countDown();

      assertEquals(2, AggregateClient.await(chained));
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void aCommandOfAnotherAggregateIsAProgrammingError() {
    assertThrows(IllegalArgumentException.class,
        () -> counters.send(Counters.OPEN, "c-1", new Counters.Open("x"), CallOptions.DEFAULT));
  }
}
