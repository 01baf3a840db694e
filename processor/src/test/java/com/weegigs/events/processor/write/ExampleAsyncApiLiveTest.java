package com.weegigs.events.processor.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.weegigs.events.runtime.NatsService;
import com.weegigs.events.runtime.definition.AggregateDefinition;
import com.weegigs.events.runtime.definition.ServiceDescriptor;
import com.weegigs.events.testing.NatsServer;
import com.weegigs.events.testing.NatsTest;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;
import io.nats.client.impl.Headers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The example's receipts service, built from what the processor generated, answers on a real
 * nats-server with bodies and headers that the AsyncAPI document the processor wrote describes:
 * every reply, event and error is valid under its message's schema in the document, and every
 * endpoint the service lists in {@code $SRV.INFO} is a channel of the document.
 */
@NatsTest
class ExampleAsyncApiLiveTest {
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static NatsService service;
  private static Connection connection;
  private static String document;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void start(NatsServer server) throws Exception {
    ExampleAsyncApiTest.compile();
    document = ExampleAsyncApiTest.document();
    ServiceDescriptor descriptor = (ServiceDescriptor) ExampleAsyncApiTest.exampleClass("ReceiptsService").getField("DESCRIPTOR").get(null);
    Object handlers = ExampleAsyncApiTest.exampleClass("ReceiptHandlers").getConstructor().newInstance();
    AggregateDefinition<?, ?> receipt = (AggregateDefinition<?, ?>) ExampleAsyncApiTest.exampleClass("ReceiptStub")
        .getMethod("definition", handlers.getClass()).invoke(null, handlers);
    AggregateDefinition<?, ?> supplier = (AggregateDefinition<?, ?>) ExampleAsyncApiTest.exampleClass("SupplierStub")
        .getMethod("definition").invoke(null);
    service = NatsService.builder(descriptor).natsUrl(server.url()).aggregate(receipt).aggregate(supplier).start();
    connection = server.connect();
  }

  @AfterAll
  static void stop() throws Exception {
    if (service != null) {
      service.close();
    }
  }

  @Test
  void commandRepliesEventsAndErrorsAreWhatTheDocumentSays() throws Exception {
    Subscription events = connection.subscribe("receipts.events.receipt.>");
    connection.flush(WAIT);
    Message added = request("receipts.command.receipt.add-item",
        "{\"aggregateId\":{\"type\":\"receipt\",\"key\":\"r-1\"},\"command\":{\"name\":\"Coffee\",\"price\":4.5,\"quantity\":2},"
            + "\"metadata\":{\"messageId\":\"m-1\",\"correlationId\":\"c-1\"}}");
    assertValid("receipt.entity", added);
    assertEquals(1, JSON.readTree(added.getData()).path("events").size());
    Message event = events.nextMessage(WAIT);
    assertNotNull(event, "no event published");
    assertEquals("receipts.events.receipt.item-added", event.getSubject());
    assertValid("receipt.event.item-added", event);

    assertValid("receipt.entity", request("receipts.query.receipt.get", "{\"aggregateId\":{\"type\":\"receipt\",\"key\":\"r-1\"}}"));
    assertValid("supplier.entity", request("receipts.command.supplier.register-supplier",
        "{\"aggregateId\":{\"type\":\"supplier\",\"key\":\"s-1\"},\"command\":{\"name\":\"ACME\"}}"));

    for (String[] failing : new String[][] {
        {"receipts.command.receipt.add-item", "{\"aggregateId\":{\"type\":\"receipt\",\"key\":\"r-2\"},"
            + "\"command\":{\"name\":\"\",\"price\":-1,\"quantity\":0}}", "VALIDATION_FAILED"},
        {"receipts.command.receipt.finalize", "{\"aggregateId\":{\"type\":\"receipt\",\"key\":\"r-3\"},\"command\":{}}", "REJECTED"},
        {"receipts.command.receipt.remove-item", "not json", "INVALID_REQUEST"},
        {"receipts.query.supplier.get", "{\"aggregateId\":{\"type\":\"supplier\",\"key\":\"nobody\"}}", "NOT_FOUND"}}) {
      Message error = request(failing[0], failing[1]);
      assertValid("error", error);
      assertEquals(failing[2], JSON.readTree(error.getData()).path("error").path("code").asString(), failing[0]);
      assertEquals(List.of(), JsonSchemas.errors(schema("error-headers"), headers(error.getHeaders())), failing[0]);
    }
  }

  @Test
  void theServicesOwnSubjectsAndTheMicroResponsesAreWhatTheDocumentSays() throws Exception {
    assertValid("health-report", request("receipts.health", ""));
    assertValid("service-document", request("receipts.info", ""));
    assertValid("service-stats", request("receipts.stats", ""));
    for (String verb : List.of("ping", "info", "stats")) {
      String subject = "$SRV." + verb.toUpperCase(java.util.Locale.ROOT);
      assertValid("srv." + verb + "-response", request(subject, ""));
      Message response = request(subject + ".receipts", "");
      assertValid("srv." + verb + "-response", response);
      String id = JSON.readTree(response.getData()).path("id").asString();
      assertValid("srv." + verb + "-response", request(subject + ".receipts." + id, ""));
    }
  }

  @Test
  void everyEndpointInSrvInfoIsAChannelOfTheDocument() throws Exception {
    JsonNode doc = JSON.readTree(document);
    Map<String, String> channelsByAddress = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> channel : doc.get("channels").properties()) {
      if (!channel.getValue().get("address").isNull()) {
        channelsByAddress.put(channel.getValue().get("address").asString(), channel.getKey());
      }
    }
    Set<String> subjects = new TreeSet<>();
    for (JsonNode endpoint : JSON.readTree(request("$SRV.INFO.receipts", "").getData()).path("endpoints")) {
      String subject = endpoint.path("subject").asString();
      subjects.add(subject);
      String channel = channelsByAddress.get(subject);
      assertNotNull(channel, subject + " is not a channel of the document");
      assertEquals("receive", doc.get("operations").get(channel).get("action").asString(), subject);
      assertEquals(endpoint.path("queue_group").asString(), doc.get("operations").get(channel).at("/bindings/nats/queue").asString(),
          subject);
      if (endpoint.path("metadata").path("wee.kind").asString().equals("command")) {
        String id = endpoint.path("metadata").path("wee.aggregate").asString() + ".command." + endpoint.path("metadata").path("wee.command")
            .asString() + ".payload";
        JsonNode advertised = JSON.readTree(endpoint.path("metadata").path("wee.schema").asString());
        ((tools.jackson.databind.node.ObjectNode) advertised).remove("$schema");
        assertEquals(advertised, doc.get("components").get("schemas").get(id).get("schema"), id);
      }
    }
    assertEquals(9, subjects.size(), subjects::toString);
  }

  private static Message request(String subject, String body) throws Exception {
    Message reply = connection.request(subject, body.getBytes(StandardCharsets.UTF_8), WAIT);
    assertNotNull(reply, "no reply on " + subject);
    return reply;
  }

  private static com.networknt.schema.Schema schema(String id) {
    return JsonSchemas.inDocument(document, "/components/schemas/" + id + "/schema");
  }

  private static void assertValid(String schemaId, Message message) {
    String body = new String(message.getData(), StandardCharsets.UTF_8);
    assertEquals(List.of(), JsonSchemas.errors(schema(schemaId), body), () -> schemaId + ": " + body);
  }

  /** The headers as the JSON object the document's header schemas describe (first value of each). */
  private static String headers(Headers headers) {
    Map<String, String> object = new LinkedHashMap<>();
    if (headers != null) {
      for (String key : headers.keySet()) {
        object.put(key, headers.getFirst(key));
      }
    }
    return JSON.writeValueAsString(object);
  }
}
