package com.weegigs.events.processor.write;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import com.weegigs.events.processor.WeeEventsProcessor;
import com.weegigs.events.processor.names.WireNames;
import com.weegigs.events.testing.NatsServer;
import com.weegigs.events.testing.NatsTest;
import io.nats.client.Connection;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * Commands named after the methods of {@code Object} get client methods of their own
 * ({@code Wait} → {@code waitCommand}): the domain compiles with every lint and {@code -Werror}, no
 * client method overloads an {@code Object} method, and every command goes through the client to a
 * running service on a real {@code nats-server}.
 */
@NatsTest
class ClientMethodNamesTest {
  private static final List<String> COMMANDS =
      List.of("Finalize", "Wait", "Notify", "NotifyAll", "GetClass", "HashCode", "Equals", "ToString", "Clone");

  @Test
  void commandsNamedAfterObjectMethodsGetTheirOwnClientMethods(NatsServer server) throws Exception {
    Compilation compilation = Compiler.javac()
        .withProcessors(new WeeEventsProcessor())
        .withOptions("-Xlint:all,-processing", "-Werror")
        .compile(sources());
    assertThat(compilation).succeededWithoutWarnings();
    String client = compilation.generatedFile(StandardLocation.SOURCE_OUTPUT, "test", "ThingClient.java").orElseThrow()
        .getCharContent(true).toString();
    for (String command : COMMANDS) {
      String objectMethod = JavaNames.lowerCamel(command);
      assertFalse(client.contains(" " + objectMethod + "("), () -> "ThingClient declares " + objectMethod + ":\n" + client);
    }

    ClassLoader loader = new CompiledModels.CompiledClassLoader(compilation, getClass().getClassLoader());
    try (Connection connection = server.connect()) {
      Object seen = Class.forName("test.Driver", true, loader)
          .getMethod("run", String.class, Connection.class)
          .invoke(null, server.url(), connection);
      assertEquals(COMMANDS.stream().map(WireNames::kebabCase).toList(), seen);
    }
  }

  private static List<JavaFileObject> sources() throws IOException {
    List<JavaFileObject> sources = new ArrayList<>();
    sources.add(JavaFileObjects.forSourceString("test.package-info", """
        @Service(name = "things", version = "1.0.0")
        package test;

        import com.weegigs.events.annotations.Service;
        """));
    sources.add(JavaFileObjects.forSourceString("test.Thing", """
        package test;

        import com.weegigs.events.annotations.*;
        import java.util.ArrayList;
        import java.util.List;

        @Aggregate
        public record Thing(String id, List<String> seen) {
          @Initial
          static Thing open(String key) {
            return new Thing(key, List.of());
          }

          @Reducer
          Thing on(Happened event) {
            List<String> next = new ArrayList<>(seen);
            next.add(event.what());
            return new Thing(id, next);
          }
        }
        """));
    sources.add(JavaFileObjects.forSourceString("test.Happened", """
        package test;

        import com.weegigs.events.annotations.*;

        @Event(aggregate = Thing.class)
        public record Happened(String what) {}
        """));
    StringBuilder handlers = new StringBuilder("""
        package test;

        import com.weegigs.events.annotations.*;

        public final class ThingHandlers {
        """);
    StringBuilder calls = new StringBuilder();
    for (String command : COMMANDS) {
      sources.add(JavaFileObjects.forSourceString("test." + command, """
          package test;

          import com.weegigs.events.annotations.*;

          @Command(aggregate = Thing.class)
          public record %s() {}
          """.formatted(command)));
      handlers.append("""
            @CommandHandler
            Happened handle%s(Thing state, %s command) {
              return new Happened("%s");
            }

          """.formatted(command, command, WireNames.kebabCase(command)));
      calls.append("      things.%sCommand(\"t-1\", new %s());\n".formatted(JavaNames.lowerCamel(command), command));
    }
    sources.add(JavaFileObjects.forSourceString("test.ThingHandlers", handlers.append("}\n").toString()));
    sources.add(JavaFileObjects.forSourceString("test.Driver", """
        package test;

        import com.weegigs.events.runtime.NatsService;
        import com.weegigs.events.runtime.client.ServiceClient;
        import io.nats.client.Connection;
        import java.util.List;

        public final class Driver {
          private Driver() {}

          public static List<String> run(String url, Connection connection) {
            NatsService service = NatsService.builder(ThingsService.DESCRIPTOR)
                .natsUrl(url)
                .aggregate(ThingStub.definition(new ThingHandlers()))
                .start();
            try {
              ThingClient.Blocking things = ThingClient.create(ServiceClient.create(connection, "things")).blocking();
        %s      return things.get("t-1").state().seen();
            } finally {
              service.close();
            }
          }
        }
        """.formatted(calls)));
    return sources;
  }
}
