package com.weegigs.events.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.weegigs.events.runtime.CommandResult;
import com.weegigs.events.runtime.NatsService;
import com.weegigs.events.runtime.RecordedEvent;
import com.weegigs.events.runtime.error.ConflictException;
import com.weegigs.events.runtime.error.InternalException;
import com.weegigs.events.runtime.error.NotFoundException;
import com.weegigs.events.runtime.error.RejectedException;
import com.weegigs.events.runtime.error.ValidationFailedException;
import com.weegigs.events.runtime.fixtures.Counters;
import com.weegigs.events.runtime.fixtures.Counters.Account;
import com.weegigs.events.runtime.fixtures.Counters.Add;
import com.weegigs.events.runtime.fixtures.Counters.Added;
import com.weegigs.events.runtime.fixtures.Counters.Counter;
import com.weegigs.events.runtime.validation.Violation;
import com.weegigs.events.testing.NatsServer;
import com.weegigs.events.testing.NatsTest;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The typed client against the real service runtime: both sides of the wire contract agree. */
@NatsTest
class ClientServiceRoundTripTest {
  private NatsService service;
  private ServiceClient client;
  private AggregateClient<Counter, Object> counters;
  private AggregateClient<Account, Object> accounts;

  @BeforeEach
  void start(NatsServer server) {
    service = NatsService.builder(Counters.SERVICE)
        .connection(server.connect())
        .aggregate(Counters.counterDefinition())
        .aggregate(Counters.accountDefinition())
        .start();
    client = ServiceClient.create(server.connect(), "counters");
    counters = new AggregateClient<>(client, Counters.COUNTER);
    accounts = new AggregateClient<>(client, Counters.ACCOUNT);
  }

  @AfterEach
  void stop() {
    client.close();
    service.close();
  }

  @Test
  void commandsQueriesAndLiveEventsRoundTrip() throws Exception {
    BlockingQueue<RecordedEvent<Added>> live = new LinkedBlockingQueue<>();
    counters.subscribe(Counters.ADDED, live::add);

    CommandResult<Counter, Object> first = AggregateClient.await(
        counters.send(Counters.ADD, "c-1", new Add(2), CallOptions.DEFAULT.withMessageId("m-1").withCorrelationId("corr")));
    AggregateClient.await(counters.send(Counters.ADD, "c-1", new Add(3), CallOptions.DEFAULT));

    assertEquals(new Counter("c-1", 2), first.entity().state());
    assertEquals(1, first.entity().revision());
    assertEquals(List.of(new Added(2)), first.events().stream().map(RecordedEvent::data).toList());
    assertEquals(new Counter("c-1", 5), AggregateClient.await(counters.get("c-1", CallOptions.DEFAULT)).state());
    RecordedEvent<Added> event = live.poll(10, TimeUnit.SECONDS);
    assertNotNull(event, "no live event");
    assertEquals(new Added(2), event.data());
    assertEquals("m-1", event.metadata().causationId());
    assertEquals("corr", event.metadata().correlationId());
  }

  @Test
  void theSameMessageIdTwiceTakesEffectOnce() {
    CallOptions once = CallOptions.DEFAULT.withMessageId("m-dup");

    CommandResult<Counter, Object> first = AggregateClient.await(counters.send(Counters.ADD, "c-2", new Add(1), once));
    CommandResult<Counter, Object> second = AggregateClient.await(counters.send(Counters.ADD, "c-2", new Add(1), once));

    assertEquals(first.entity(), second.entity());
    assertEquals(1, AggregateClient.await(counters.get("c-2", CallOptions.DEFAULT)).revision());
  }

  @Test
  void serviceErrorsArriveAsTheirExceptionTypes() {
    ValidationFailedException invalid = assertThrows(ValidationFailedException.class,
        () -> AggregateClient.await(counters.send(Counters.ADD, "c-3", new Add(0), CallOptions.DEFAULT)));
    assertEquals(List.of(new Violation("amount", "must be greater than or equal to 1")), invalid.violations());

    RejectedException rejected = assertThrows(RejectedException.class,
        () -> AggregateClient.await(counters.send(Counters.REJECT, "c-3", new Counters.Reject(), CallOptions.DEFAULT)));
    assertEquals("counter-locked", rejected.reason());

    InternalException internal = assertThrows(InternalException.class,
        () -> AggregateClient.await(counters.send(Counters.FAIL, "c-3", new Counters.Fail(), CallOptions.DEFAULT)));
    assertEquals(-1, internal.getMessage().indexOf(Counters.class.getName()), internal.getMessage());

    assertInstanceOf(NotFoundException.class, assertThrows(RuntimeException.class,
        () -> AggregateClient.await(accounts.get("nobody", CallOptions.DEFAULT))));

    AggregateClient.await(counters.send(Counters.ADD, "c-3", new Add(1), CallOptions.DEFAULT));
    assertThrows(ConflictException.class, () -> AggregateClient.await(
        counters.send(Counters.ADD, "c-3", new Add(1), CallOptions.DEFAULT.withExpectedRevision(0L))));
  }
}
