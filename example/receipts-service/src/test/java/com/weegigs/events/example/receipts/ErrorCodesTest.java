package com.weegigs.events.example.receipts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.weegigs.events.example.probes.Explode;
import com.weegigs.events.example.probes.Gate;
import com.weegigs.events.example.probes.Poke;
import com.weegigs.events.example.probes.ProbeClient;
import com.weegigs.events.example.probes.ProbeHandlers;
import com.weegigs.events.runtime.client.CallOptions;
import com.weegigs.events.runtime.error.ConflictException;
import com.weegigs.events.runtime.error.DeadlineExceededException;
import com.weegigs.events.runtime.error.ErrorCode;
import com.weegigs.events.runtime.error.InternalException;
import com.weegigs.events.runtime.error.InvalidRequestException;
import com.weegigs.events.runtime.error.NotFoundException;
import com.weegigs.events.runtime.error.PayloadTooLargeException;
import com.weegigs.events.runtime.error.RejectedException;
import com.weegigs.events.runtime.error.ServiceException;
import com.weegigs.events.runtime.error.ValidationFailedException;
import com.weegigs.events.runtime.validation.Violation;
import com.weegigs.events.testing.NatsServer;
import com.weegigs.events.testing.NatsTest;
import io.nats.client.Connection;
import io.nats.client.impl.Headers;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every error code the runtime produces (but {@code UNAVAILABLE}, see {@link SaturationTest}), each observed twice: through the generated client (the
 * exception type for the code, its code, message and details) and through a raw NATS request (the
 * ADR-32 headers {@code Nats-Service-Error-Code} and {@code Nats-Service-Error}, and the JSON body).
 */
@NatsTest
class ErrorCodesTest {
  static final int MAX_PAYLOAD = 16 * 1024;

  private static TestServices.Running receiptsService;
  private static TestServices.Running probesService;
  private static Connection connection;
  private static ReceiptClient.Blocking receipts;
  private static SupplierClient.Blocking suppliers;
  private static ProbeClient.Blocking probes;

  @BeforeAll
  static void start(NatsServer server) {
    receiptsService = TestServices.receipts(server, builder -> TestServices.withMaxPayload(builder, MAX_PAYLOAD));
    // UNAVAILABLE on saturation has its own test class: it needs a service with one worker
    probesService = TestServices.probes(server, new ProbeHandlers(new Gate()), builder -> builder);
    connection = server.connect();
    Connection clientConnection = server.connect();
    var client = TestServices.client(clientConnection);
    receipts = ReceiptClient.create(client).blocking();
    suppliers = SupplierClient.create(client).blocking();
    probes = ProbeClient.create(TestServices.probesClient(clientConnection)).blocking();
  }

  @AfterAll
  static void stop() {
    probesService.close();
    receiptsService.close();
  }

  /** Checks an error reply's headers and body; returns {@code error.details}. */
  private static JsonNode assertErrorReply(Wire.Reply reply, ErrorCode code) {
    assertTrue(reply.isError(), () -> "expected " + code + ", got " + reply);
    assertEquals(code.number(), reply.errorNumber(), reply::toString);
    assertFalse(reply.errorText() == null || reply.errorText().isBlank(), reply::toString);
    assertEquals(code.name(), reply.code(), reply::toString);
    assertFalse(reply.message() == null || reply.message().isBlank(), reply::toString);
    assertTrue(reply.json().path("error").path("details").isObject(), reply::toString);
    return reply.details();
  }

  /** Checks the exception the client threw for an error reply. */
  private static <T extends ServiceException> T assertClientError(Class<T> type, ErrorCode code, Executable call) {
    T thrown = assertThrows(type, call);
    assertEquals(code, thrown.code());
    assertFalse(thrown.getMessage() == null || thrown.getMessage().isBlank());
    return thrown;
  }

  private static String addItemRequest(String key, String name, String price, int quantity) {
    return Wire.text(Wire.commandRequest("receipt", key, Wire.addItem(name, price, quantity)));
  }

  // ------------------------------------------------------------------------------------- 400

  @Test
  void invalidRequest() {
    JsonNode details = assertErrorReply(Wire.request(connection, Wire.ADD_ITEM, "{not json"), ErrorCode.INVALID_REQUEST);
    assertTrue(details.isObject());
    assertErrorReply(
        Wire.request(connection, Wire.ADD_ITEM,
            "{\"aggregateId\":{\"type\":\"supplier\",\"key\":\"s\"},\"command\":{\"name\":\"x\",\"price\":1,\"quantity\":1}}"),
        ErrorCode.INVALID_REQUEST);
    JsonNode longKey = assertErrorReply(Wire.request(connection, Wire.ADD_ITEM, addItemRequest("k".repeat(257), "Tea", "1", 1)),
        ErrorCode.INVALID_REQUEST);
    assertTrue(longKey.isObject());
    // the typed client refuses a key the contract does not allow before sending, with the same code
    InvalidRequestException thrown = assertClientError(InvalidRequestException.class, ErrorCode.INVALID_REQUEST,
        () -> receipts.addItem("k".repeat(257), new AddItem("Tea", BigDecimal.ONE, 1)));
    assertTrue(thrown.getMessage().contains("256"), thrown.getMessage());
    assertClientError(InvalidRequestException.class, ErrorCode.INVALID_REQUEST, () -> receipts.get(""));
  }

  @Test
  void validationFailedListsEveryViolation() {
    Wire.Reply reply = Wire.request(connection, Wire.ADD_ITEM, addItemRequest("v-1", " ", "-1", 0));
    JsonNode details = assertErrorReply(reply, ErrorCode.VALIDATION_FAILED);
    Set<String> paths = stream(details.path("violations")).map(v -> v.path("path").asText()).collect(Collectors.toSet());
    assertEquals(Set.of("name", "price", "quantity"), paths, reply::toString);
    stream(details.path("violations")).forEach(v -> assertFalse(v.path("message").asText().isBlank(), reply::toString));
    assertEquals("command add-item is not valid", reply.message());

    ValidationFailedException thrown = assertClientError(ValidationFailedException.class, ErrorCode.VALIDATION_FAILED,
        () -> receipts.addItem("v-1", new AddItem(" ", new BigDecimal("-1"), 0)));
    assertEquals(Set.of("name", "price", "quantity"), thrown.violations().stream().map(Violation::path).collect(Collectors.toSet()));
    assertTrue(thrown.details().containsKey("violations"));
    assertEquals(0, receipts.get("v-1").revision(), "an invalid command recorded nothing");
  }

  // ------------------------------------------------------------------------------------- 404

  @Test
  void notFoundForAnAggregateWithoutInitialState() {
    assertErrorReply(Wire.request(connection, Wire.GET_SUPPLIER, Wire.text(Wire.queryRequest("supplier", "ghost"))),
        ErrorCode.NOT_FOUND);
    ObjectNode rename = Wire.commandRequest("supplier", "ghost", Wire.JSON.createObjectNode().put("name", "Nobody"));
    assertErrorReply(Wire.request(connection, Wire.RENAME_SUPPLIER, Wire.text(rename)), ErrorCode.NOT_FOUND);

    NotFoundException missing = assertClientError(NotFoundException.class, ErrorCode.NOT_FOUND, () -> suppliers.get("ghost"));
    assertEquals("supplier 'ghost' does not exist", missing.getMessage());
    assertClientError(NotFoundException.class, ErrorCode.NOT_FOUND,
        () -> suppliers.renameSupplier("ghost", new RenameSupplier("Nobody")));
    // once created, it is found
    suppliers.registerSupplier("beans", new RegisterSupplier("Beans Ltd"));
    assertEquals("Beans Ltd", suppliers.get("beans").state().name());
    assertEquals("Better Beans", suppliers.renameSupplier("beans", new RenameSupplier("Better Beans")).entity().state().name());
  }

  // ------------------------------------------------------------------------------------- 409

  @Test
  void conflictOnAnExpectedRevisionNotMet() {
    receipts.addItem("c-1", new AddItem("Coffee", new BigDecimal("4.50"), 2));
    ObjectNode request = Wire.commandRequest("receipt", "c-1", Wire.addItem("Muffin", "3.25", 1));
    request.putObject("metadata").put("expectedRevision", 5);
    JsonNode details = assertErrorReply(Wire.request(connection, Wire.ADD_ITEM, Wire.text(request)), ErrorCode.CONFLICT);
    assertEquals(5, details.path("expectedRevision").asLong(), details::toString);
    assertEquals(1, details.path("actualRevision").asLong(), details::toString);

    ConflictException thrown = assertClientError(ConflictException.class, ErrorCode.CONFLICT,
        () -> receipts.addItem("c-1", new AddItem("Muffin", new BigDecimal("3.25"), 1), CallOptions.DEFAULT.withExpectedRevision(0L)));
    assertEquals(0L, ((Number) thrown.details().get("expectedRevision")).longValue(), thrown.details()::toString);
    assertEquals(1L, ((Number) thrown.details().get("actualRevision")).longValue(), thrown.details()::toString);
    // the right revision goes through
    assertEquals(2, receipts.addItem("c-1", new AddItem("Muffin", new BigDecimal("3.25"), 1),
        CallOptions.DEFAULT.withExpectedRevision(1L)).entity().revision());
  }

  @Test
  void conflictWhenACreatingCommandFindsTheAggregateExists() {
    suppliers.registerSupplier("twice", new RegisterSupplier("First"));
    ObjectNode again = Wire.commandRequest("supplier", "twice", Wire.JSON.createObjectNode().put("name", "Second"));
    JsonNode details = assertErrorReply(Wire.request(connection, Wire.REGISTER_SUPPLIER, Wire.text(again)), ErrorCode.CONFLICT);
    assertEquals(1, details.path("actualRevision").asLong(), details::toString);
    ConflictException thrown = assertClientError(ConflictException.class, ErrorCode.CONFLICT,
        () -> suppliers.registerSupplier("twice", new RegisterSupplier("Second")));
    assertTrue(thrown.getMessage().contains("already exists"), thrown.getMessage());
    assertEquals("First", suppliers.get("twice").state().name());
  }

  // ------------------------------------------------------------------------------------- 413

  @Test
  void payloadTooLarge() {
    String big = "x".repeat(MAX_PAYLOAD + 1);
    JsonNode details = assertErrorReply(Wire.request(connection, Wire.ADD_ITEM, addItemRequest("big", big, "1", 1)),
        ErrorCode.PAYLOAD_TOO_LARGE);
    assertEquals(MAX_PAYLOAD, details.path("limit").asInt(), details::toString);
    assertTrue(details.path("size").asInt() > MAX_PAYLOAD, details::toString);
    PayloadTooLargeException thrown = assertClientError(PayloadTooLargeException.class, ErrorCode.PAYLOAD_TOO_LARGE,
        () -> receipts.addItem("big", new AddItem(big, BigDecimal.ONE, 1)));
    assertEquals(MAX_PAYLOAD, ((Number) thrown.details().get("limit")).intValue(), thrown.details()::toString);
    assertEquals(0, receipts.get("big").revision());
  }

  // ------------------------------------------------------------------------------------- 422

  @Test
  void rejectedCarriesTheRulesReason() {
    Wire.Reply reply = Wire.request(connection, Wire.REMOVE_ITEM,
        Wire.text(Wire.commandRequest("receipt", "r-422", Wire.JSON.createObjectNode().put("name", "Tea"))));
    JsonNode details = assertErrorReply(reply, ErrorCode.REJECTED);
    assertEquals("item-not-found", details.path("reason").asText(), reply::toString);
    assertEquals("Item 'Tea' not found on receipt", reply.message());

    RejectedException thrown = assertClientError(RejectedException.class, ErrorCode.REJECTED,
        () -> receipts.removeItem("r-422", new RemoveItem("Tea")));
    assertEquals("item-not-found", thrown.reason());
    assertEquals("Item 'Tea' not found on receipt", thrown.getMessage());
  }

  // ------------------------------------------------------------------------------------- 500

  @Test
  void internalNeverLeaksTheException() {
    Wire.Reply reply = Wire.request(connection, "probes.command.probe.explode",
        Wire.text(Wire.commandRequest("probe", "p-500", Wire.JSON.createObjectNode().put("note", "raw"))));
    assertErrorReply(reply, ErrorCode.INTERNAL);
    for (String leak : List.of(ProbeHandlers.SECRET, "IllegalStateException", "java.", "at com.")) {
      assertFalse(reply.text().contains(leak), () -> "reply leaks '" + leak + "': " + reply);
      assertFalse(reply.errorText().contains(leak), () -> "header leaks '" + leak + "': " + reply);
    }
    InternalException thrown = assertClientError(InternalException.class, ErrorCode.INTERNAL,
        () -> probes.explode("p-500", new Explode("typed")));
    assertFalse(thrown.getMessage().contains(ProbeHandlers.SECRET), thrown.getMessage());
    // the probe still works afterwards
    assertEquals(1, probes.poke("p-500", new Poke()).entity().revision());
  }

  // ------------------------------------------------------------------------------------- 504

  @Test
  void timeoutWhenTheDeadlineHasPassed() {
    Headers headers = new Headers().put("Wee-Deadline", Long.toString(System.currentTimeMillis() - 60_000));
    Wire.Reply reply = Wire.request(connection, Wire.ADD_ITEM, addItemRequest("t-504", "Coffee", "4.50", 2), headers);
    assertErrorReply(reply, ErrorCode.TIMEOUT);
    assertEquals(0, receipts.get("t-504").revision(), "work past the deadline recorded nothing");
    // a caller's deadline that has passed is a TIMEOUT at once: there is no point sending it
    assertClientError(DeadlineExceededException.class, ErrorCode.TIMEOUT,
        () -> receipts.addItem("t-504", new AddItem("Coffee", new BigDecimal("4.50"), 2),
            CallOptions.DEFAULT.withDeadline(Instant.now().minusMillis(1))));
    assertEquals(0, receipts.get("t-504").revision(), "nothing was recorded");
  }

  private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false);
  }
}
