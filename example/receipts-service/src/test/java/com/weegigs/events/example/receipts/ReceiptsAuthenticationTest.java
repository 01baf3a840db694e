package com.weegigs.events.example.receipts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.weegigs.events.runtime.CommandResult;
import com.weegigs.events.runtime.client.CallOptions;
import com.weegigs.events.runtime.client.ServiceClient;
import com.weegigs.events.runtime.error.ForbiddenException;
import com.weegigs.events.runtime.error.UnauthenticatedException;
import com.weegigs.events.testing.NatsServer;
import com.weegigs.events.testing.NatsTest;
import io.nats.client.Connection;
import io.nats.client.impl.Headers;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * The receipts service with per-request authentication, called through the generated client with
 * a bearer token: the token's subject is the events' {@code userId}, whatever the caller says, and
 * only a manager may void a receipt (nobody, when the service does not authenticate requests).
 */
@NatsTest
class ReceiptsAuthenticationTest {
  private final NatsServer server;

  ReceiptsAuthenticationTest(NatsServer server) {
    this.server = server;
  }

  @Test
  void theGeneratedClientSendsTheTokenAndTheSubjectIsTheUserId() throws Exception {
    try (TestServices.Running service = TestServices.receipts(server, TestServices::withAuthentication);
        ServiceClient client = ServiceClient.builder("receipts").url(server.url())
            .withBearerToken(() -> TestServices.token("till-7", "cashier")).build();
        ServiceClient anonymous = ServiceClient.builder("receipts").url(server.url()).build()) {
      ReceiptClient.Blocking receipts = ReceiptClient.create(client).blocking();

      CommandResult<Receipt, ReceiptEvent> added = receipts.addItem("r-1", new AddItem("Tea", new BigDecimal("2.50"), 1),
          CallOptions.DEFAULT.withUserId("someone-else"));

      assertEquals("till-7", added.events().get(0).metadata().userId());
      assertEquals(1, receipts.get("r-1").revision());
      assertThrows(UnauthenticatedException.class,
          () -> ReceiptClient.create(anonymous).blocking().get("r-1"));
      assertEquals(1, service.service().eventStore().revision(ReceiptCodecs.TYPE,
          new com.weegigs.events.runtime.AggregateId("receipt", "r-1")), "the refused query changed nothing");
    }
  }

  @Test
  void onlyAManagerMayVoidAReceipt() throws Exception {
    try (TestServices.Running service = TestServices.receipts(server, TestServices::withAuthentication);
        ServiceClient tills = TestServices.client(server.connect(), "till-7", "clerk");
        ServiceClient managers = TestServices.client(server.connect(), "manager-1", "manager")) {
      ReceiptClient.Blocking till = ReceiptClient.create(tills).blocking();
      till.addItem("r-2", new AddItem("Tea", new BigDecimal("2.50"), 1));

      ForbiddenException refused = assertThrows(ForbiddenException.class,
          () -> till.voidReceipt("r-2", new VoidReceipt("wrong table")));
      assertEquals("the caller may not send command void-receipt of receipt", refused.getMessage());
      CommandResult<Receipt, ReceiptEvent> voided =
          ReceiptClient.create(managers).blocking().voidReceipt("r-2", new VoidReceipt("wrong table"));
      assertEquals("manager-1", voided.events().get(0).metadata().userId());
      assertEquals(Status.VOIDED, voided.entity().state().status());
      assertEquals(2, service.service().eventStore().revision(ReceiptCodecs.TYPE,
          new com.weegigs.events.runtime.AggregateId("receipt", "r-2")), "the refused void recorded nothing");
    }
  }

  @Test
  void withoutAuthenticationNobodyMayVoidAndTheRestRuns() throws Exception {
    try (TestServices.Running service = TestServices.receipts(server, builder -> builder);
        ServiceClient client = TestServices.client(server.connect(), "manager-1", "manager")) {
      ReceiptClient.Blocking receipts = ReceiptClient.create(client).blocking();
      receipts.addItem("r-3", new AddItem("Tea", new BigDecimal("2.50"), 1));

      UnauthenticatedException refused = assertThrows(UnauthenticatedException.class,
          () -> receipts.voidReceipt("r-3", new VoidReceipt("wrong table")));
      assertEquals("this request needs an authenticated caller, and service receipts does not authenticate requests",
          refused.getMessage());
      assertEquals(Status.OPEN, receipts.get("r-3").state().status());
      assertEquals(1, service.service().eventStore().revision(ReceiptCodecs.TYPE,
          new com.weegigs.events.runtime.AggregateId("receipt", "r-3")));
    }
  }

  @Test
  void theVoidedStatusTravelsInLowerCase() throws Exception {
    try (TestServices.Running service = TestServices.receipts(server, TestServices::withAuthentication)) {
      Connection connection = server.connect();
      Headers manager = new Headers().put("Authorization", "Bearer " + TestServices.token("manager-1", "manager"));
      Wire.Reply voided = Wire.request(connection, Wire.VOID_RECEIPT,
          Wire.text(Wire.commandRequest("receipt", "wire-4", Wire.JSON.createObjectNode().put("reason", "test"))), manager);
      assertEquals("voided", voided.json().path("state").path("status").asText(), voided::toString);
      assertEquals("manager-1", voided.json().path("events").path(0).path("metadata").path("userId").asText(), voided::toString);
      assertEquals(1, service.service().eventStore().revision(ReceiptCodecs.TYPE,
          new com.weegigs.events.runtime.AggregateId("receipt", "wire-4")));
    }
  }
}
