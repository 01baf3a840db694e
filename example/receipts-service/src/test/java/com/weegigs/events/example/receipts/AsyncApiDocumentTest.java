package com.weegigs.events.example.receipts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.weegigs.events.runtime.definition.AggregateType;
import com.weegigs.events.runtime.definition.CommandType;
import com.weegigs.events.runtime.definition.EventType;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The AsyncAPI document the processor wrote for the receipts service is on the service's class
 * path, beside its schema lock ({@code META-INF/wee-events/receipts.asyncapi.json}), and describes
 * the service that {@link ReceiptsService#DESCRIPTOR} declares: its version, a channel for every
 * command, query and event, and the very schemas the generated codecs serve.
 */
class AsyncApiDocumentTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode document() throws IOException {
    try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream("/META-INF/wee-events/receipts.asyncapi.json")) {
      assertNotNull(in, "META-INF/wee-events/receipts.asyncapi.json is not on the class path");
      return JSON.readTree(in);
    }
  }

  @Test
  void describesTheServiceTheDescriptorDeclares() throws IOException {
    JsonNode document = document();
    assertEquals("3.0.0", document.path("asyncapi").asText());
    assertEquals(ReceiptsService.DESCRIPTOR.version(), document.path("info").path("version").asText());
    assertEquals(ReceiptsService.DESCRIPTOR.title(), document.path("info").path("title").asText());

    Set<String> addresses = new TreeSet<>();
    document.path("channels").forEach(channel -> addresses.add(channel.path("address").asText()));
    JsonNode schemas = document.path("components").path("schemas");
    String service = ReceiptsService.DESCRIPTOR.name();
    for (AggregateType<?, ?> aggregate : ReceiptsService.DESCRIPTOR.aggregates()) {
      String type = aggregate.name();
      assertEquals(schema(aggregate.stateSchema(), type + ".state"), schemas.path(type + ".state").path("schema"));
      assertTrue(addresses.contains(service + ".query." + type + ".get"), type);
      for (CommandType<?> command : aggregate.commands().values()) {
        String id = type + ".command." + command.name() + ".payload";
        assertEquals(schema(command.schema(), id), schemas.path(id).path("schema"), id);
        assertTrue(addresses.contains(service + ".command." + type + "." + command.name()), id);
      }
      for (EventType<?> event : aggregate.events().values()) {
        String id = type + ".event." + event.name() + ".data";
        assertEquals(schema(event.schema(), id), schemas.path(id).path("schema"), id);
        assertTrue(addresses.contains(service + ".events." + type + "." + event.name()), id);
      }
    }
  }

  /** A codec's schema as the document embeds it under {@code id}: no {@code $schema}, references into the document. */
  private static JsonNode schema(String codecSchema, String id) throws IOException {
    ObjectNode schema = (ObjectNode) JSON.readTree(codecSchema.replace("\"$ref\":\"#", "\"$ref\":\"#/components/schemas/" + id + "/schema"));
    schema.remove("$schema");
    return schema;
  }
}
