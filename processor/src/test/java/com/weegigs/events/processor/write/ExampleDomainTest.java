package com.weegigs.events.processor.write;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import com.weegigs.events.annotations.Service;
import com.weegigs.events.processor.WeeEventsProcessor;
import com.weegigs.events.runtime.AggregateId;
import com.weegigs.events.runtime.CommandContext;
import com.weegigs.events.runtime.CommandMetadata;
import com.weegigs.events.runtime.codec.DecodeContext;
import com.weegigs.events.runtime.codec.JsonCodec;
import com.weegigs.events.runtime.definition.AggregateDefinition;
import com.weegigs.events.runtime.definition.CommandType;
import com.weegigs.events.runtime.definition.ServiceDescriptor;
import com.weegigs.events.runtime.validation.Violation;
import io.nats.client.Connection;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotBlank;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the real processor on the example's receipts domain (the declarations a user writes: the
 * records of {@code example/receipts-api} and the handlers of {@code example/receipts-service}),
 * compiles what it generates with {@code -Xlint:all,-processing -Werror}, and runs the generated
 * codecs, validators and stub against the example's own handlers. The two are compiled here as one
 * module (without the API's {@code api = true}), so that one class loader holds the records, the
 * handlers and the generated code.
 */
class ExampleDomainTest {
  private static final List<Path> DOMAIN = List.of(
      Path.of("..", "example", "receipts-api", "src", "main", "java", "com", "weegigs", "events", "example", "receipts"),
      Path.of("..", "example", "receipts-service", "src", "main", "java", "com", "weegigs", "events", "example", "receipts"));
  private static final String PKG = "com.weegigs.events.example.receipts";
  private static final JsonFactory JSON = new JsonFactory();
  private static Compilation compilation;
  private static ClassLoader loader;

  @BeforeAll
  static void compile() throws IOException {
    List<JavaFileObject> sources = new ArrayList<>();
    for (Path folder : DOMAIN) {
      try (Stream<Path> files = Files.list(folder)) {
        for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
          String simpleName = file.getFileName().toString().replaceAll("\\.java$", "");
          String text = Files.readString(file).replace(", api = true)", ")");
          if (text.contains("static void main(")) {
            continue; // programs that host or call the service, not part of the domain
          }
          sources.add(JavaFileObjects.forSourceString(PKG + "." + simpleName, text));
        }
      }
    }
    compilation = Compiler.javac()
        .withProcessors(new WeeEventsProcessor())
        .withOptions("-Xlint:all,-processing", "-Werror")
        .withClasspath(CompiledModels.classpath(Service.class, NotBlank.class, RolesAllowed.class, JsonCodec.class, JsonParser.class, Connection.class))
        .compile(sources);
    assertThat(compilation).succeededWithoutWarnings();
    loader = new CompiledModels.CompiledClassLoader(compilation, ExampleDomainTest.class.getClassLoader());
  }

  private static Object constant(String simpleName, String field) throws ReflectiveOperationException {
    return Class.forName(PKG + "." + simpleName, true, loader).getField(field).get(null);
  }

  @SuppressWarnings("unchecked")
  private static Object decode(CommandType<?> type, String json) throws IOException {
    DecodeContext context = new DecodeContext();
    try (JsonParser parser = JSON.createParser(json)) {
      parser.nextToken();
      Object value = ((JsonCodec<Object>) type.codec()).read(parser, context);
      assertEquals(List.of(), context.violations());
      assertNotNull(value);
      return value;
    }
  }

  @SuppressWarnings("unchecked")
  private static String encode(JsonCodec<?> codec, Object value) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = JSON.createGenerator(out)) {
      ((JsonCodec<Object>) codec).write(generator, value);
    }
    return out.toString();
  }

  @Test
  void generatesEveryTypeOfBothAggregatesAndTheService() {
    for (String name : List.of("Receipt", "Supplier")) {
      for (String generated : List.of(name + "Subjects", name + "Codecs", name + "Validators", name + "Stub", name + "Client", "Nats" + name + "Client")) {
        assertTrue(compilation.generatedSourceFile(PKG + "." + generated).isPresent(), generated);
      }
    }
    assertTrue(compilation.generatedSourceFile(PKG + ".ReceiptsService").isPresent());
  }

  @Test
  @SuppressWarnings("unchecked")
  void generatedCodeRunsTheExampleRules() throws Exception {
    CommandType<Object> addItem = (CommandType<Object>) constant("ReceiptCodecs", "ADD_ITEM");
    Object command = decode(addItem, "{\"name\":\"Coffee\",\"price\":4.5,\"quantity\":2}");
    assertEquals("{\"name\":\"Coffee\",\"price\":4.5,\"quantity\":2}", encode(addItem.codec(), command));
    assertEquals(List.of(new Violation("name", "must not be blank"), new Violation("quantity", "must be greater than or equal to 1")),
        addItem.validator().validate(decode(addItem, "{\"name\":\"\",\"price\":0,\"quantity\":0}")));

    Object handlers = Class.forName(PKG + ".ReceiptHandlers", true, loader).getConstructor().newInstance();
    AggregateDefinition<Object, Object> receipts = (AggregateDefinition<Object, Object>) Class.forName(PKG + ".ReceiptStub", true, loader)
        .getMethod("definition", handlers.getClass()).invoke(null, handlers);
    CommandContext context = new CommandContext(new AggregateId("receipt", "r-1"), CommandMetadata.EMPTY,
        Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC));
    var binding = (AggregateDefinition.CommandBinding<Object, Object, Object>) receipts.command("add-item");
    Object state = receipts.initialState("r-1");
    for (Object event : binding.handler().handle(state, command, context)) {
      state = receipts.apply(state, event);
    }
    assertEquals("{\"id\":\"r-1\",\"status\":\"open\",\"items\":[{\"name\":\"Coffee\",\"price\":4.5,\"quantity\":2}],\"total\":9.0}",
        encode(receipts.type().stateCodec(), state));

    ServiceDescriptor descriptor = (ServiceDescriptor) constant("ReceiptsService", "DESCRIPTOR");
    assertEquals("receipts", descriptor.name());
    assertEquals(List.of("receipt", "supplier"), descriptor.aggregates().stream().map(a -> a.name()).toList());
  }
}
