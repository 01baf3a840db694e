package com.weegigs.events.processor.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.SpecificationVersion;
import com.weegigs.events.processor.model.AggregateModel;
import com.weegigs.events.processor.model.CommandModel;
import com.weegigs.events.processor.model.EventModel;
import com.weegigs.events.processor.model.ServiceModel;
import com.weegigs.events.runtime.error.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The AsyncAPI document of each test model: valid under the official AsyncAPI 3.0.0 schema, every
 * reference resolving within it, every schema valid under its draft, the codecs' schemas embedded
 * unchanged but for their references, and a channel for every subject of the wire contract. The
 * receipts model's document is also compared with its golden file (regenerate as for
 * {@link WritersGoldenTest}).
 */
class AsyncApiWriterTest {
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

  static Stream<ServiceModel> services() {
    return Stream.of(TestModels.receipts(), TestModels.shop(), TestModels.edge());
  }

  private static JsonNode document(ServiceModel service) {
    return JSON.readTree(Writers.asyncApi(service));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("services")
  void isValidAsyncApi300(ServiceModel service) {
    assertEquals(List.of(), JsonSchemas.errors(JsonSchemas.asyncApi(), Writers.asyncApi(service)));
  }

  @Test
  void theAsyncApiSchemaRefusesADocumentThatBreaksIt() {
    ObjectNode document = (ObjectNode) document(TestModels.receipts());
    ((ObjectNode) document.get("operations").get("receipt.command.add-item")).remove("action");
    ((ObjectNode) document.get("channels").get("health")).put("address", 42);
    List<String> errors = JsonSchemas.errors(JsonSchemas.asyncApi(), document.toString());
    assertFalse(errors.isEmpty());
    assertTrue(errors.stream().anyMatch(error -> error.contains("action")), errors::toString);
    assertTrue(errors.stream().anyMatch(error -> error.contains("/channels/health/address")), errors::toString);
  }

  @Test
  void theMetaSchemaRefusesASchemaThatBreaksIt() {
    List<String> errors = JsonSchemas.metaErrors(SpecificationVersion.DRAFT_2020_12, "{\"type\":\"objects\",\"minLength\":-1}");
    assertTrue(errors.stream().anyMatch(error -> error.startsWith("/type")), errors::toString);
    assertTrue(errors.stream().anyMatch(error -> error.startsWith("/minLength")), errors::toString);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("services")
  void everyReferenceResolvesWithinTheDocument(ServiceModel service) {
    JsonNode document = document(service);
    List<String> references = new ArrayList<>();
    collectReferences(document, references);
    assertFalse(references.isEmpty());
    for (String reference : references) {
      assertTrue(reference.startsWith("#/"), reference);
      assertFalse(document.at(reference.substring(1)).isMissingNode(), reference + " does not resolve");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("services")
  void everySchemaIsValidUnderTheDraftItDeclares(ServiceModel service) {
    JsonNode schemas = document(service).get("components").get("schemas");
    assertTrue(schemas.size() > 10);
    for (Map.Entry<String, JsonNode> entry : schemas.properties()) {
      assertEquals(AsyncApiWriter.SCHEMA_FORMAT, entry.getValue().get("schemaFormat").asString(), entry.getKey());
      assertEquals(List.of(), JsonSchemas.metaErrors(SpecificationVersion.DRAFT_2020_12, entry.getValue().get("schema").toString()),
          entry.getKey());
    }
    for (AggregateModel aggregate : service.aggregates()) {
      for (String schema : codecSchemas(aggregate).values()) {
        SpecificationVersion draft = JsonSchemas.declaredDraft(map(JSON.readTree(schema))).orElseThrow();
        assertEquals(SpecificationVersion.DRAFT_2020_12, draft);
        assertEquals(List.of(), JsonSchemas.metaErrors(draft, schema), schema);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("services")
  void embedsTheCodecsSchemasWithReferencesIntoTheDocument(ServiceModel service) {
    JsonNode schemas = document(service).get("components").get("schemas");
    for (AggregateModel aggregate : service.aggregates()) {
      for (Map.Entry<String, String> codec : codecSchemas(aggregate).entrySet()) {
        String id = codec.getKey();
        ObjectNode expected = (ObjectNode) JSON.readTree(codec.getValue()
            .replace("\"$ref\":\"#", "\"$ref\":\"#/components/schemas/" + id + "/schema"));
        expected.remove("$schema");
        assertEquals(expected, schemas.get(id).get("schema"), id);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("services")
  void hasAChannelForEverySubjectOfTheWireContract(ServiceModel service) {
    JsonNode document = document(service);
    String name = service.name();
    assertEquals("3.0.0", document.get("asyncapi").asString());
    assertEquals(service.title(), document.get("info").get("title").asString());
    assertEquals(service.version(), document.get("info").get("version").asString());

    Set<String> expected = new TreeSet<>();
    for (AggregateModel aggregate : service.aggregates()) {
      String type = aggregate.wireName();
      for (CommandModel command : aggregate.commands()) {
        expected.add(name + ".command." + type + "." + command.wireName());
      }
      expected.add(name + ".query." + type + ".get");
      for (EventModel event : aggregate.events()) {
        expected.add(name + ".events." + type + "." + event.wireName());
      }
    }
    expected.addAll(List.of(name + ".health", name + ".info", name + ".stats"));
    for (String verb : List.of("PING", "INFO", "STATS")) {
      expected.addAll(List.of("$SRV." + verb, "$SRV." + verb + "." + name, "$SRV." + verb + "." + name + ".{id}"));
    }
    Set<String> addresses = new TreeSet<>();
    for (JsonNode channel : document.get("channels")) {
      if (!channel.get("address").isNull()) {
        addresses.add(channel.get("address").asString());
      }
    }
    assertEquals(expected, addresses);

    for (Map.Entry<String, JsonNode> entry : document.get("operations").properties()) {
      JsonNode operation = entry.getValue();
      JsonNode channel = document.at(operation.get("channel").get("$ref").asString().substring(1));
      String address = channel.get("address").asString();
      if (address.startsWith(name + ".events.")) {
        assertEquals("send", operation.get("action").asString(), entry.getKey());
        assertNull(operation.get("reply"), entry.getKey());
      } else {
        assertEquals("receive", operation.get("action").asString(), entry.getKey());
        boolean everyInstance = address.equals(name + ".stats") || address.startsWith("$SRV.");
        assertEquals(everyInstance ? "" : "q", operation.at("/bindings/nats/queue").asString(""),
            entry.getKey() + ": the queue group, none where every instance answers");
        JsonNode reply = document.at(operation.get("reply").get("channel").get("$ref").asString().substring(1));
        assertTrue(reply.get("address").isNull(), entry.getKey() + ": a reply goes to the request's reply subject");
        for (JsonNode message : operation.get("reply").get("messages")) {
          assertTrue(message.get("$ref").asString().startsWith(operation.get("reply").get("channel").get("$ref").asString() + "/messages/"),
              entry.getKey() + ": a reply message is one of its reply channel's");
        }
      }
      for (JsonNode message : operation.get("messages")) {
        assertTrue(message.get("$ref").asString().startsWith(operation.get("channel").get("$ref").asString() + "/messages/"),
            entry.getKey() + ": a message is one of its channel's");
      }
    }
  }

  @Test
  void commandsReplyWithTheEntityOrTheErrorEnvelope() {
    JsonNode document = document(TestModels.receipts());
    JsonNode operation = document.get("operations").get("receipt.command.add-item");
    List<String> replies = new ArrayList<>();
    for (JsonNode message : operation.get("reply").get("messages")) {
      replies.add(document.at(document.at(message.get("$ref").asString().substring(1)).get("$ref").asString().substring(1))
          .get("name").asString());
    }
    assertEquals(List.of("receipt.entity", "error"), replies);
    JsonNode request = document.at("/components/schemas/receipt.command.add-item.request/schema");
    assertEquals("#/components/schemas/receipt.command.add-item.payload/schema", request.at("/properties/command/$ref").asString());
    JsonNode error = document.at("/components/schemas/error/schema/properties/error/properties/code/enum");
    List<String> codes = new ArrayList<>();
    error.forEach(code -> codes.add(code.asString()));
    assertEquals(Stream.of(ErrorCode.values()).map(Enum::name).toList(), codes);
    JsonNode headers = document.at("/components/messages/error/headers/$ref");
    assertEquals("#/components/schemas/error-headers", headers.asString());
  }

  @Test
  void idsNeverCollideWhateverAnAggregateIsCalled() {
    AggregateModel receipt = TestModels.receipts().aggregates().get(0);
    List<AggregateModel> aggregates = new ArrayList<>();
    for (String name : List.of("health", "info", "stats", "srv", "error", "empty", "command-metadata")) {
      aggregates.add(new AggregateModel(name, "receipts", receipt.stateType(), receipt.state(), receipt.initialMethod(),
          receipt.eventSupertype(), receipt.commands(), receipt.events(), receipt.handlerOwners(), receipt.nestedRecords(),
          receipt.names(), receipt.deprecatedUses()));
    }
    ServiceModel service = new ServiceModel("receipts", "1.0.0", "Receipts", TestModels.RECEIPTS, aggregates,
        TestModels.receipts().names());
    JsonNode document = document(service);
    int n = aggregates.size();
    int commands = receipt.commands().size();
    int events = receipt.events().size();
    assertEquals(n * (commands + 1 + events + 1) + 3 * 2 + 3 * 4, document.get("channels").size(), "channels");
    assertEquals(n * (commands + 1 + events) + 3 + 3 * 3, document.get("operations").size(), "operations");
    assertEquals(n * (1 + commands + 1 + events) + 8, document.get("components").get("messages").size(), "messages");
    assertEquals(n * (3 + 2 * commands + 1 + 2 * events) + 12, document.get("components").get("schemas").size(), "schemas");
    assertEquals(List.of(), JsonSchemas.errors(JsonSchemas.asyncApi(), document.toString()));
    assertEquals("#/channels/health-reply/messages/report", document.at("/operations/health/reply/messages/0/$ref").asString());
    assertEquals("#/components/messages/health.entity", document.at("/channels/health.reply/messages/entity/$ref").asString());
  }

  @Test
  void theErrorCodesAreTheRuntimes() {
    Map<String, Integer> runtime = new LinkedHashMap<>();
    for (ErrorCode code : ErrorCode.values()) {
      runtime.put(code.name(), code.number());
    }
    assertEquals(runtime, AsyncApiWriter.ERROR_CODES);
  }

  @Test
  void aVersionedEventRequiresItsVersion() {
    JsonNode document = document(TestModels.receipts());
    JsonNode recorded = document.at("/components/schemas/receipt.event.item-added/schema");
    assertTrue(recorded.at("/properties/version/const").isNumber());
    List<String> required = new ArrayList<>();
    recorded.get("required").forEach(field -> required.add(field.asString()));
    assertEquals(recorded.at("/properties/version/const").asInt() > 1, required.contains("version"));
  }

  @Test
  void matchesGoldenFileAndIsTheSameForTheSameModel() throws IOException {
    String actual = Writers.asyncApi(TestModels.receipts());
    assertEquals(actual, Writers.asyncApi(TestModels.receipts()));
    Path golden = GOLDEN.resolve("com/example/receipts/" + Writers.asyncApiFileName("receipts"));
    if (Boolean.getBoolean("wee.golden.update")) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertTrue(Files.exists(golden), "no golden file " + golden + "; run with -Dwee.golden.update=true to create it");
    assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual);
  }

  /** The codecs' schemas of {@code aggregate}, under their ids in the document. */
  private static Map<String, String> codecSchemas(AggregateModel aggregate) {
    Writers.AggregateSchemas schemas = Writers.schemas(aggregate);
    String type = aggregate.wireName();
    Map<String, String> byId = new LinkedHashMap<>();
    byId.put(type + ".state", schemas.state());
    schemas.commands().forEach((name, schema) -> byId.put(type + ".command." + name + ".payload", schema));
    schemas.events().forEach((name, schema) -> byId.put(type + ".event." + name + ".data", schema));
    return byId;
  }

  private static void collectReferences(JsonNode node, List<String> references) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> member : node.properties()) {
        if (member.getKey().equals("$ref") && member.getValue().isString()) {
          references.add(member.getValue().asString());
        } else {
          collectReferences(member.getValue(), references);
        }
      }
    } else if (node.isArray()) {
      node.forEach(element -> collectReferences(element, references));
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(JsonNode node) {
    return JSON.convertValue(node, Map.class);
  }
}
