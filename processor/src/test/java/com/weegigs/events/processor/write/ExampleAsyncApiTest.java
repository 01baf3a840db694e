package com.weegigs.events.processor.write;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import com.networknt.schema.Schema;
import com.weegigs.events.annotations.Service;
import com.weegigs.events.processor.WeeEventsProcessor;
import com.weegigs.events.runtime.codec.DecodeContext;
import com.weegigs.events.runtime.codec.JsonCodec;
import com.weegigs.events.runtime.definition.CommandType;
import com.weegigs.events.runtime.validation.Violation;
import io.nats.client.Connection;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotBlank;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The AsyncAPI document the real processor writes for the example's receipts service, beside its
 * schema lock: valid under the AsyncAPI 3.0.0 schema, and, for every command of the receipts
 * domain, a payload the generated validator accepts is valid under the document's schema for it
 * (and its command request envelope under the envelope's schema) while one it refuses is not.
 *
 * <p>The domain is every {@code com/weegigs/events/example/receipts} source under {@code example/}
 * (whichever modules hold it), less the programs that host or call the service, compiled as one
 * module (without the API's {@code api = true}).
 */
class ExampleAsyncApiTest {
  private static final Path EXAMPLE = Path.of("..", "example");
  private static final String PKG = "com.weegigs.events.example.receipts";
  private static final String FILE = "META-INF/wee-events/receipts.asyncapi.json";
  private static ClassLoader loader;
  private static String document;

  /** A command payload, and whether the service accepts it. */
  record Sample(String codecs, String constant, String type, String command, String payload, boolean accepted) {
    @Override
    public String toString() {
      return command + " " + payload + (accepted ? " accepted" : " refused");
    }
  }

  private static Sample receipt(String constant, String command, String payload, boolean accepted) {
    return new Sample("ReceiptCodecs", constant, "receipt", command, payload, accepted);
  }

  private static Sample supplier(String constant, String command, String payload, boolean accepted) {
    return new Sample("SupplierCodecs", constant, "supplier", command, payload, accepted);
  }

  static Stream<Sample> samples() {
    String longName = "\"" + "a".repeat(101) + "\"";
    return Stream.of(
        receipt("ADD_ITEM", "add-item", "{\"name\":\"Coffee\",\"price\":4.5,\"quantity\":2}", true),
        receipt("ADD_ITEM", "add-item", "{\"name\":\"Tea\",\"price\":0,\"quantity\":1,\"note\":\"unknown fields are ignored\"}", true),
        receipt("ADD_ITEM", "add-item", "{\"name\":\" \",\"price\":4.5,\"quantity\":2}", false),
        receipt("ADD_ITEM", "add-item", "{\"name\":\"Tea\",\"price\":-0.01,\"quantity\":1}", false),
        receipt("ADD_ITEM", "add-item", "{\"name\":\"Tea\",\"price\":1,\"quantity\":0}", false),
        receipt("ADD_ITEM", "add-item", "{\"name\":\"Tea\",\"quantity\":1}", false),
        receipt("ADD_ITEM", "add-item", "{\"name\":\"Tea\",\"price\":\"1\",\"quantity\":1}", false),
        receipt("FINALIZE", "finalize", "{}", true),
        receipt("REMOVE_ITEM", "remove-item", "{\"name\":\"Tea\"}", true),
        receipt("REMOVE_ITEM", "remove-item", "{\"name\":\"\"}", false),
        receipt("REMOVE_ITEM", "remove-item", "{}", false),
        receipt("VOID_RECEIPT", "void-receipt", "{\"reason\":\"typo\"}", true),
        receipt("VOID_RECEIPT", "void-receipt", "{\"reason\":\"\\t\"}", false),
        receipt("VOID_RECEIPT", "void-receipt", "{\"reason\":null}", false),
        supplier("REGISTER_SUPPLIER", "register-supplier", "{\"name\":\"ACME\"}", true),
        supplier("REGISTER_SUPPLIER", "register-supplier", "{\"name\":" + longName + "}", false),
        supplier("REGISTER_SUPPLIER", "register-supplier", "{\"name\":\"\"}", false),
        supplier("RENAME_SUPPLIER", "rename-supplier", "{\"name\":\"" + "b".repeat(100) + "\"}", true),
        supplier("RENAME_SUPPLIER", "rename-supplier", "{\"name\":" + longName + "}", false),
        supplier("RENAME_SUPPLIER", "rename-supplier", "{}", false));
  }

  @BeforeAll
  static void compileOnce() throws IOException {
    compile();
  }

  /** Compiles the example's domain with the processor, once for every test class that asks. */
  static synchronized void compile() throws IOException {
    if (loader != null) {
      return;
    }
    List<JavaFileObject> sources = new ArrayList<>();
    for (Path file : domainSources()) {
      // the API module and the service module compiled as one (see ExampleDomainTest)
      String text = Files.readString(file).replace(", api = true)", ")");
      if (!text.contains("static void main(")) {
        sources.add(JavaFileObjects.forSourceString(PKG + "." + file.getFileName().toString().replaceAll("\\.java$", ""), text));
      }
    }
    Compilation compilation = Compiler.javac()
        .withProcessors(new WeeEventsProcessor())
        .withOptions("-Xlint:all,-processing", "-Werror")
        .withClasspath(CompiledModels.classpath(Service.class, NotBlank.class, RolesAllowed.class, JsonCodec.class,
            com.fasterxml.jackson.core.JsonParser.class, Connection.class))
        .compile(sources);
    assertThat(compilation).succeededWithoutWarnings();
    document = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, FILE).orElseThrow().getCharContent(false).toString();
    loader = new CompiledModels.CompiledClassLoader(compilation, ExampleAsyncApiTest.class.getClassLoader());
  }

  /** The compiled example's class {@code simpleName} (after {@link #compile()}). */
  static Class<?> exampleClass(String simpleName) throws ClassNotFoundException {
    return Class.forName(PKG + "." + simpleName, true, loader);
  }

  /** The AsyncAPI document the processor wrote for the example (after {@link #compile()}). */
  static String document() {
    return document;
  }

  /** The receipts package's sources in every module under {@code example/}, one per file name. */
  private static List<Path> domainSources() throws IOException {
    Map<String, Path> files = new TreeMap<>();
    Path suffix = Path.of("com", "weegigs", "events", "example", "receipts");
    try (Stream<Path> all = Files.walk(EXAMPLE)) {
      all.filter(path -> path.toString().endsWith(".java") && path.getParent().endsWith(suffix)
              && path.toString().contains(Path.of("src", "main", "java").toString()))
          .forEach(path -> files.put(path.getFileName().toString(), path));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    assertTrue(files.containsKey("package-info.java"), "no receipts domain under " + EXAMPLE.toAbsolutePath());
    return List.copyOf(files.values());
  }

  @Test
  void theProcessorWritesAValidAsyncApiDocumentBesideTheSchemaLock() {
    assertEquals(List.of(), JsonSchemas.errors(JsonSchemas.asyncApi(), document));
    assertTrue(document.contains("\"title\": \"Receipt Service\",\n    \"version\": \"1.0.0\""), document.substring(0, 400));
    for (String subject : List.of("receipts.command.receipt.add-item", "receipts.query.supplier.get", "receipts.events.receipt.item-added",
        "receipts.health", "receipts.info", "receipts.stats", "$SRV.INFO.receipts")) {
      assertTrue(document.contains("\"address\": \"" + subject + "\""), subject);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void theValidatorAndTheDocumentsSchemasAgree(Sample sample) throws Exception {
    @SuppressWarnings("unchecked")
    CommandType<Object> type = (CommandType<Object>) exampleClass(sample.codecs()).getField(sample.constant()).get(null);
    assertEquals(sample.command(), type.name());
    DecodeContext context = new DecodeContext();
    Object command = CompiledModels.read(type.codec(), sample.payload(), context);
    List<Violation> violations = context.violations().isEmpty() ? type.validator().validate(command) : context.violations();
    assertEquals(sample.accepted(), violations.isEmpty(), violations::toString);

    String id = sample.type() + ".command." + sample.command();
    Schema payload = JsonSchemas.inDocument(document, "/components/schemas/" + id + ".payload/schema");
    List<String> errors = JsonSchemas.errors(payload, sample.payload());
    assertEquals(sample.accepted(), errors.isEmpty(), errors::toString);
    assertEquals(sample.accepted(), JsonSchemas.errors(JsonSchemas.schema(type.schema()), sample.payload()).isEmpty(),
        "the codec's own schema");

    Schema request = JsonSchemas.inDocument(document, "/components/schemas/" + id + ".request/schema");
    String envelope = "{\"aggregateId\":{\"type\":\"" + sample.type() + "\",\"key\":\"k-1\"},\"command\":" + sample.payload()
        + ",\"metadata\":{\"messageId\":\"m-1\",\"expectedRevision\":0}}";
    assertEquals(sample.accepted(), JsonSchemas.errors(request, envelope).isEmpty(), envelope);
  }

  @Test
  void theEnvelopeSchemasRefuseWhatTheServiceRefusesAsAnInvalidRequest() {
    Schema request = JsonSchemas.inDocument(document, "/components/schemas/receipt.command.remove-item.request/schema");
    assertFalse(JsonSchemas.errors(request, "{\"aggregateId\":{\"type\":\"supplier\",\"key\":\"k\"},\"command\":{\"name\":\"a\"}}")
        .isEmpty(), "another aggregate type");
    assertFalse(JsonSchemas.errors(request, "{\"aggregateId\":{\"type\":\"receipt\",\"key\":\"\"},\"command\":{\"name\":\"a\"}}")
        .isEmpty(), "an empty key");
    assertFalse(JsonSchemas.errors(request, "{\"aggregateId\":{\"type\":\"receipt\",\"key\":\"k\"}}").isEmpty(), "no command");
    Schema query = JsonSchemas.inDocument(document, "/components/schemas/receipt.query.request/schema");
    assertEquals(List.of(), JsonSchemas.errors(query, "{\"aggregateId\":{\"type\":\"receipt\",\"key\":\"2026/11/27 till #3\"}}"));
    Schema error = JsonSchemas.inDocument(document, "/components/schemas/error/schema");
    assertEquals(List.of(), JsonSchemas.errors(error, "{\"error\":{\"code\":\"VALIDATION_FAILED\",\"message\":\"command add-item is not"
        + " valid\",\"details\":{\"violations\":[{\"path\":\"price\",\"message\":\"must be greater than or equal to 0\"}]}}}"));
    assertFalse(JsonSchemas.errors(error, "{\"error\":{\"code\":\"TEAPOT\",\"message\":\"no\"}}").isEmpty());
  }
}
