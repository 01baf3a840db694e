package com.weegigs.events.processor.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.palantir.javapoet.ClassName;
import com.weegigs.events.processor.model.AggregateModel;
import com.weegigs.events.processor.model.CommandModel;
import com.weegigs.events.processor.model.ConstraintModel.Kind;
import com.weegigs.events.processor.model.EventModel;
import com.weegigs.events.processor.model.RecordShape;
import com.weegigs.events.processor.model.ServiceModel;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaWriterTest {
  private static String schemaOf(RecordShape shape, AggregateModel aggregate) {
    return SchemaWriter.schema(shape, new AggregateConstants(aggregate).records(), "test");
  }

  @Test
  void constraintsBecomeKeywordsAndRequiredSkipsOptionalsAndCollections() {
    AggregateModel order = TestModels.shop().aggregates().get(0);
    CommandModel place = order.commands().get(0);
    String schema = schemaOf(place.shape(), order);
    assertEquals("{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"title\":\"PlaceOrder\",\"description\":\"test\","
        + "\"type\":\"object\",\"properties\":{"
        + "\"customer\":{\"type\":\"string\",\"format\":\"uuid\"},"
        + "\"email\":{\"type\":[\"string\",\"null\"],\"format\":\"email\"},"
        + "\"lines\":{\"type\":[\"array\",\"null\"],\"items\":{\"$ref\":\"#/$defs/Line\"},\"minItems\":1,\"maxItems\":10},"
        + "\"tags\":{\"type\":[\"array\",\"null\"],\"items\":{\"type\":\"string\"},\"uniqueItems\":true},"
        + "\"counts\":{\"type\":[\"object\",\"null\"],\"additionalProperties\":{\"type\":\"integer\",\"format\":\"int32\"}},"
        + "\"note\":{\"type\":[\"string\",\"null\"],\"maxLength\":20},"
        + "\"deliverTo\":{\"anyOf\":[{\"$ref\":\"#/$defs/Address\"},{\"type\":\"null\"}]},"
        + "\"due\":{\"type\":[\"string\",\"null\"],\"format\":\"date\"},"
        + "\"priority\":{\"anyOf\":[{\"type\":\"string\",\"enum\":[\"low\",\"in-progress\",\"high\"]},{\"type\":\"null\"}]},"
        + "\"weight\":{\"type\":\"number\",\"maximum\":100},"
        + "\"sequence\":{\"type\":\"integer\",\"format\":\"int64\",\"maximum\":0},"
        + "\"reference\":{\"type\":[\"integer\",\"null\"],\"maximum\":1000},"
        + "\"discount\":{\"type\":[\"integer\",\"null\"],\"format\":\"int32\",\"exclusiveMaximum\":0}},"
        + "\"required\":[\"customer\",\"weight\",\"sequence\"],"
        + "\"$defs\":{"
        + "\"Line\":{\"type\":\"object\",\"properties\":{\"sku\":{\"type\":\"string\",\"minLength\":1},"
        + "\"quantity\":{\"type\":\"integer\",\"format\":\"int32\",\"exclusiveMinimum\":0},"
        + "\"unitPrice\":{\"type\":[\"number\",\"null\"],\"exclusiveMinimum\":0.00}},\"required\":[\"sku\",\"quantity\"]},"
        + "\"Address\":{\"type\":\"object\",\"properties\":{\"street\":{\"type\":\"string\",\"minLength\":1,\"pattern\":\"\\\\S\"},"
        + "\"postcode\":{\"type\":[\"string\",\"null\"],\"pattern\":\"^(?:[0-9]{4})$\"}},\"required\":[\"street\"]}}}",
        schema);
  }

  @Test
  void everySchemaIsWellFormedJson() throws IOException {
    JsonFactory json = new JsonFactory();
    for (ServiceModel service : List.of(TestModels.receipts(), TestModels.shop(), TestModels.edge())) {
      for (AggregateModel aggregate : service.aggregates()) {
        Map<ClassName, RecordShape> records = new AggregateConstants(aggregate).records();
        for (RecordShape shape : records.values()) {
          try (JsonParser parser = json.createParser(SchemaWriter.schema(shape, records, "d"))) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
              assertEquals(token, parser.currentToken());
            }
            assertNull(parser.nextToken());
          }
        }
      }
    }
  }

  @Test
  void eventSchemasAllowNullReferencesButNotNullPrimitives() {
    AggregateModel receipt = TestModels.receipts().aggregates().get(0);
    EventModel itemAdded = receipt.events().get(0);
    String schema = schemaOf(itemAdded.shape(), receipt);
    assertEquals(true, schema.contains("\"name\":{\"type\":[\"string\",\"null\"]}"));
    assertEquals(true, schema.contains("\"quantity\":{\"type\":\"integer\",\"format\":\"int32\"}"));
  }

  @Test
  void sizeWithDefaultBoundsAddsNothing() {
    RecordShape shape = new RecordShape(ClassName.get("x", "R"), List.of(TestModels.component("name", TestModels.STRING,
        TestModels.constraint(Kind.SIZE, "size", "min", 0L, "max", (long) Integer.MAX_VALUE))));
    assertEquals("{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"title\":\"R\",\"description\":\"d\",\"type\":\"object\","
        + "\"properties\":{\"name\":{\"type\":[\"string\",\"null\"]}}}", SchemaWriter.schema(shape, Map.of(), "d"));
  }

  @Test
  void combinedConstraintsKeepTheStricterBoundAndEveryPattern() {
    RecordShape shape = new RecordShape(ClassName.get("x", "R"), List.of(
        TestModels.component("code", TestModels.STRING,
            TestModels.constraint(Kind.SIZE, "size", "min", 3L, "max", 9L),
            TestModels.constraint(Kind.NOT_BLANK, "blank"),
            TestModels.constraint(Kind.SIZE, "size", "min", 2L, "max", 5L),
            TestModels.constraint(Kind.PATTERN, "pattern", "regexp", "[A-Z]+")),
        TestModels.component("amount", TestModels.DECIMAL,
            TestModels.constraint(Kind.DECIMAL_MIN, "min", "value", "0.50", "inclusive", true),
            TestModels.constraint(Kind.POSITIVE_OR_ZERO, "positive"),
            TestModels.constraint(Kind.DECIMAL_MAX, "max", "value", "10", "inclusive", true),
            TestModels.constraint(Kind.NEGATIVE_OR_ZERO, "negative"))));
    assertEquals("{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"title\":\"R\",\"description\":\"d\",\"type\":\"object\","
        + "\"properties\":{\"code\":{\"type\":\"string\",\"minLength\":3,\"maxLength\":5,\"pattern\":\"\\\\S\","
        + "\"allOf\":[{\"pattern\":\"^(?:[A-Z]+)$\"}]},"
        + "\"amount\":{\"type\":[\"number\",\"null\"],\"minimum\":0.50,\"maximum\":0}},\"required\":[\"code\"]}",
        SchemaWriter.schema(shape, Map.of(), "d"));
  }
}
