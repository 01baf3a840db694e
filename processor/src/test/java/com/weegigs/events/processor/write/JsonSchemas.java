package com.weegigs.events.processor.write;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * JSON Schema validation for the tests, with com.networknt's validator and nothing fetched from the
 * network: the AsyncAPI 3.0.0 schema from {@code src/test/resources/asyncapi} (see the README there),
 * the drafts' meta-schemas from the validator itself. Formats are asserted ({@code email},
 * {@code date-time}, ...), as a consumer that checks them would.
 */
final class JsonSchemas {
  /** The AsyncAPI 3.0.0 JSON Schema of the specification, as published in {@code @asyncapi/specs}. */
  static final String ASYNCAPI_SCHEMA = "/asyncapi/asyncapi-3.0.0.json";

  private static final SchemaRegistryConfig CONFIG = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
  private static Schema asyncApi;

  private JsonSchemas() {}

  /** A registry for schemas of {@code draft} (when they do not say), that never fetches a remote resource. */
  static SchemaRegistry registry(SpecificationVersion draft) {
    return SchemaRegistry.withDefaultDialect(draft, builder -> builder
        .schemaRegistryConfig(CONFIG)
        .schemaLoader(loader -> loader.fetchRemoteResources(false)));
  }

  /** The schema of the JSON text {@code schema}, of the draft its {@code $schema} names (2020-12 when none). */
  static Schema schema(String schema) {
    return registry(SpecificationVersion.DRAFT_2020_12).getSchema(schema, InputFormat.JSON);
  }

  /**
   * The schema at {@code pointer} (such as {@code /components/schemas/receipt.state/schema}) within
   * the JSON text {@code document}, draft 2020-12, with the document's other parts reachable through
   * its references as an AsyncAPI tool resolves them.
   */
  static Schema inDocument(String document, String pointer) {
    String iri = "urn:wee-events:document";
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder
        .schemaRegistryConfig(CONFIG)
        .schemas(Map.of(iri, document))
        .schemaLoader(loader -> loader.fetchRemoteResources(false)));
    return registry.getSchema(SchemaLocation.of(iri + "#" + pointer));
  }

  /** What is wrong with {@code json} under {@code schema}: nothing when it is valid. */
  static List<String> errors(Schema schema, String json) {
    return schema.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
  }

  /** What is wrong with the schema text {@code schema} under the meta-schema of {@code draft}. */
  static List<String> metaErrors(SpecificationVersion draft, String schema) {
    Schema meta = registry(draft).getSchema(SchemaLocation.of(draft.getDialectId()));
    return errors(meta, schema);
  }

  /** The draft the schema text declares with {@code $schema}. */
  static Optional<SpecificationVersion> declaredDraft(Map<String, Object> schema) {
    return schema.get("$schema") instanceof String id ? SpecificationVersion.fromDialectId(id) : Optional.empty();
  }

  /** The official AsyncAPI 3.0.0 schema (draft-07), loaded once. */
  static synchronized Schema asyncApi() {
    if (asyncApi == null) {
      try (InputStream in = JsonSchemas.class.getResourceAsStream(ASYNCAPI_SCHEMA)) {
        if (in == null) {
          throw new IllegalStateException(ASYNCAPI_SCHEMA + " is not on the test class path");
        }
        asyncApi = registry(SpecificationVersion.DRAFT_7).getSchema(in, InputFormat.JSON);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return asyncApi;
  }
}
