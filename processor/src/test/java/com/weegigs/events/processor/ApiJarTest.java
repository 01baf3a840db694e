package com.weegigs.events.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service in two modules: its API ({@code @Service(api = true)}: records, commands, events and the
 * reducers on the records) compiled on its own, and the module that implements it, compiled with the
 * API's class files on its class path, holding the handlers. Each test compiles the API first and
 * puts its output on the class path of the second compilation, as a build with two modules does.
 */
class ApiJarTest {
  private static final String API_SERVICE = """
      @Service(name = "shop", version = "1.0.0", api = true)
      package test;

      import com.weegigs.events.annotations.Service;
      """;

  private static final String REMOVE_ITEM = """
      package test;

      import com.weegigs.events.annotations.*;

      @Command(aggregate = Cart.class)
      public record RemoveItem(String name) {}
      """;

  /** At version 2, with its upcaster in the API: the implementation reads neither. */
  private static final String ITEM_REMOVED = """
      package test;

      import com.weegigs.events.annotations.*;

      @Event(aggregate = Cart.class, version = 2)
      public record ItemRemoved(String name, int count) {
        public record V1(String name) {}

        @Upcaster(from = 1)
        static ItemRemoved upcast(V1 old) {
          return new ItemRemoved(old.name(), 1);
        }
      }
      """;

  private static final String CART = """
      package test;

      import com.weegigs.events.annotations.*;

      @Aggregate
      public record Cart(String id, int count) {
        @Initial
        static Cart open(String key) {
          return new Cart(key, 0);
        }

        @Reducer
        Cart on(ItemAdded event) {
          return new Cart(id, count + 1);
        }

        @Reducer
        Cart on(ItemRemoved event) {
          return new Cart(id, count - 1);
        }
      }
      """;

  /** Both handlers, in another package than the API, as a service module usually has them. */
  private static final String HANDLERS = """
      package shop.impl;

      import com.weegigs.events.annotations.*;
      import com.weegigs.events.runtime.CommandContext;
      import test.*;

      public final class CartHandlers {
        @CommandHandler
        public ItemAdded addItem(Cart state, AddItem command) {
          return new ItemAdded(command.name());
        }

        @CommandHandler
        public static ItemRemoved removeItem(Cart state, RemoveItem command, CommandContext context) {
          return new ItemRemoved(command.name(), 1);
        }
      }
      """;

  private static final List<String> API_TYPES = List.of(
      "test.CartSubjects", "test.CartCodecs", "test.CartValidators", "test.CartClient", "test.NatsCartClient", "test.ShopService");

  /** The API's sources: the valid domain as an API, with a second command and event, and no handlers. */
  private static Map<String, String> api() {
    Map<String, String> sources = new LinkedHashMap<>();
    sources.put("test.package-info", API_SERVICE);
    sources.put("test.Cart", CART);
    sources.put("test.AddItem", Sources.ADD_ITEM);
    sources.put("test.RemoveItem", REMOVE_ITEM);
    sources.put("test.ItemAdded", Sources.ITEM_ADDED);
    sources.put("test.ItemRemoved", ITEM_REMOVED);
    return sources;
  }

  @Test
  void theApiGetsEverythingButTheStub() {
    Compilation compilation = compile(List.of(), api());
    assertThat(compilation).succeededWithoutWarnings();
    for (String type : API_TYPES) {
      assertThat(compilation).generatedSourceFile(type);
    }
    assertEquals(API_TYPES.size(), generatedSources(compilation).size(), "generated " + generatedSources(compilation));
    assertTrue(compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/wee-events/shop.schema-lock.json").isPresent(),
        "the API writes the schema lock: its events are there");
  }

  @Test
  void theServiceModuleGetsTheStubAndItsFixtureAlone(@TempDir Path apiClasses) throws IOException {
    compileInto(apiClasses, api());
    Compilation compilation = compile(List.of(apiClasses), Map.of("shop.impl.CartHandlers", HANDLERS));
    assertThat(compilation).succeededWithoutWarnings();
    // and its given/when/then fixture, generated where the stub is
    assertEquals(List.of("test.CartFixture", "test.CartStub"), generatedSources(compilation));
  }

  /** The two-module stub is the one the service would get compiled in one module, byte for byte. */
  @Test
  void theServiceModulesStubIsTheOneModuleStub(@TempDir Path apiClasses) throws IOException {
    compileInto(apiClasses, api());
    Compilation split = compile(List.of(apiClasses), Map.of("shop.impl.CartHandlers", HANDLERS));
    Map<String, String> oneModule = api();
    oneModule.put("test.package-info", Sources.SERVICE);
    oneModule.put("shop.impl.CartHandlers", HANDLERS);
    Compilation whole = compile(List.of(), oneModule);
    assertThat(whole).succeededWithoutWarnings();
    assertEquals(source(whole, "test.CartStub"), source(split, "test.CartStub"));
  }

  @Test
  void aModuleThatOnlyUsesTheApiGetsNothing(@TempDir Path apiClasses) throws IOException {
    compileInto(apiClasses, api());
    Compilation compilation = compile(List.of(apiClasses), Map.of("audit.Audit", """
        package audit;

        import test.*;

        public final class Audit {
          public String describe(ItemAdded event) {
            return CartSubjects.ITEM_ADDED_EVENT + " " + event.name();
          }
        }
        """));
    assertThat(compilation).succeededWithoutWarnings();
    assertEquals(List.of(), generatedSources(compilation));
  }

  @Test
  @Covers(Message.COMMAND_WITHOUT_HANDLER_IN_IMPLEMENTATION)
  void aCommandWithoutHandlerIsReportedOnTheServiceModulesHandlerClass(@TempDir Path apiClasses) throws IOException {
    compileInto(apiClasses, api());
    Map<String, String> sources = Map.of("shop.impl.CartHandlers", """
        package shop.impl;

        import com.weegigs.events.annotations.*;
        import test.*;

        public final class CartHandlers {
          @CommandHandler
          public ItemAdded addItem(Cart state, AddItem command) {
            return new ItemAdded(command.name());
          }
        }
        """);
    Compilation compilation = compile(List.of(apiClasses), sources);
    onlyError(compilation, "[WEE-612] command RemoveItem of Cart, from the API of service \"shop\", has no"
        + " @CommandHandler in this module, which implements Cart; add a method such as"
        + " `@CommandHandler ItemAdded removeItem(Cart state, RemoveItem command)` to CartHandlers or to another handler class",
        file("shop.impl.CartHandlers", sources), "public final class CartHandlers");
  }

  @Test
  void aHandlerErrorIsReportedInTheServiceModuleOnTheHandler(@TempDir Path apiClasses) throws IOException {
    compileInto(apiClasses, api());
    Map<String, String> sources = Map.of("shop.impl.CartHandlers", HANDLERS.replace(
        "public ItemAdded addItem(Cart state, AddItem command) {", "public String addItem(Cart state, AddItem command) {")
        .replace("return new ItemAdded(command.name());", "return command.name();"));
    Compilation compilation = compile(List.of(apiClasses), sources);
    onlyError(compilation, "[WEE-306] @CommandHandler CartHandlers.addItem(Cart, AddItem) returns String",
        file("shop.impl.CartHandlers", sources), "public String addItem");
  }

  @Test
  @Covers(Message.MEMBER_NOT_IN_API)
  void aCommandOutsideTheApiIsReportedOnItsAggregate(@TempDir Path apiClasses) throws IOException {
    compileInto(apiClasses, api());
    Map<String, String> sources = new LinkedHashMap<>();
    sources.put("shop.impl.CartHandlers", HANDLERS);
    sources.put("shop.impl.Empty", """
        package shop.impl;

        import com.weegigs.events.annotations.*;
        import test.Cart;

        @Command(aggregate = Cart.class)
        public record Empty() {}
        """);
    sources.put("shop.impl.EmptyHandlers", """
        package shop.impl;

        import com.weegigs.events.annotations.*;
        import test.*;

        public final class EmptyHandlers {
          @CommandHandler
          public static ItemRemoved empty(Cart state, Empty command) {
            return new ItemRemoved("", 0);
          }
        }
        """);
    Compilation compilation = compile(List.of(apiClasses), sources);
    onlyError(compilation, "[WEE-614] @Command Empty names Cart, from the API of service \"shop\", which was"
        + " compiled apart; the commands and events of an aggregate are part of its API: move Empty into the API module, next to Cart",
        file("shop.impl.Empty", sources), "@Command(aggregate = Cart.class)");
  }

  @Test
  @Covers(Message.HANDLER_IN_API)
  void aHandlerInTheApiIsAnError() {
    Map<String, String> sources = api();
    sources.put("test.CartHandlers", Sources.CART_HANDLERS);
    Compilation compilation = compile(List.of(), sources);
    onlyError(compilation, "[WEE-611] @CommandHandler CartHandlers.addItem(Cart, AddItem) is in the API of service \"shop\""
        + " (@Service(api = true)), which holds no handlers; move it to the module that implements the service, or remove"
        + " api = true to compile the service in one module",
        file("test.CartHandlers", sources), "ItemAdded addItem(");
  }

  @Test
  @Covers(Message.HANDLER_OF_COMPILED_AGGREGATE)
  void aHandlerOfAServiceCompiledWithItsHandlersIsAnError(@TempDir Path serviceClasses) throws IOException {
    Map<String, String> whole = api();
    whole.put("test.package-info", Sources.SERVICE);
    whole.put("shop.impl.CartHandlers", HANDLERS);
    compileInto(serviceClasses, whole);
    Map<String, String> sources = Map.of("other.MoreHandlers", """
        package other;

        import com.weegigs.events.annotations.*;
        import test.*;

        public final class MoreHandlers {
          @CommandHandler
          public static ItemAdded again(Cart state, AddItem command) {
            return new ItemAdded(command.name());
          }
        }
        """);
    Compilation compilation = compile(List.of(serviceClasses), sources);
    onlyError(compilation, "[WEE-613] @CommandHandler MoreHandlers.again(Cart, AddItem) handles AddItem, a command of Cart,"
        + " which was compiled with its handlers in service \"shop\", so its stub exists already; remove this handler, or make"
        + " that service an API (@Service(api = true)) compiled without handlers",
        file("other.MoreHandlers", sources), "public static ItemAdded again");
  }

  @Test
  @Covers(Message.API_GENERATED_TYPES_MISSING)
  void anApiCompiledWithoutTheProcessorCannotBeImplemented(@TempDir Path apiClasses) throws IOException {
    Compilation plain = javac().withOptions("-proc:none").compile(sources(api()));
    assertThat(plain).succeeded();
    writeClasses(plain, apiClasses);
    Map<String, String> sources = Map.of("shop.impl.CartHandlers", HANDLERS);
    Compilation compilation = compile(List.of(apiClasses), sources);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining("[WEE-615] @CommandHandler CartHandlers.addItem(Cart, AddItem) handles AddItem,"
        + " a command of Cart from the API of service \"shop\", but CartCodecs is not on the class path; compile the API module with the"
        + " wee-events processor on its processor path, and depend on its jar")
        .inFile(file("shop.impl.CartHandlers", sources)).onLineContaining("public ItemAdded addItem");
  }

  @Test
  @Covers(Message.UPCASTER_NOT_IN_API)
  void anUpcasterOutsideTheApiIsAnError(@TempDir Path apiClasses) throws IOException {
    compileInto(apiClasses, api());
    Map<String, String> sources = new LinkedHashMap<>();
    sources.put("shop.impl.CartHandlers", HANDLERS);
    sources.put("shop.impl.Upcasters", """
        package shop.impl;

        import com.weegigs.events.annotations.*;
        import java.util.Map;
        import test.ItemAdded;

        public final class Upcasters {
          @Upcaster(event = ItemAdded.class, from = 1)
          public static Map<String, Object> v1(Map<String, Object> json) {
            return json;
          }
        }
        """);
    Compilation compilation = compile(List.of(apiClasses), sources);
    onlyError(compilation, "[WEE-616] @Upcaster Upcasters.v1(Map<String, Object>) is for ItemAdded, from the API of service \"shop\";"
        + " the API's codecs run the upcasters, so it is part of the API: move it into the API module",
        file("shop.impl.Upcasters", sources), "public static Map<String, Object> v1");
  }

  @Test
  @Covers(Message.ACCESS_ON_IMPLEMENTED_HANDLER)
  void anAccessRuleOnAHandlerOfAnApiCommandIsAnError(@TempDir Path apiClasses) throws IOException {
    compileInto(apiClasses, api());
    Map<String, String> sources = new LinkedHashMap<>();
    sources.put("shop.impl.CartHandlers", HANDLERS.replace("public ItemAdded addItem(",
        "@jakarta.annotation.security.RolesAllowed(\"clerk\")\n  public ItemAdded addItem("));
    Compilation compilation = compile(List.of(apiClasses), sources);
    onlyError(compilation, "[WEE-617] @RolesAllowed on @CommandHandler CartHandlers.addItem(Cart, AddItem): the commands of service"
        + " \"shop\" come from its API, whose codecs carry who may send each one; put the annotation on the command record in the"
        + " API module", file("shop.impl.CartHandlers", sources), "@jakarta.annotation.security.RolesAllowed(\"clerk\")");
  }

  @Test
  void anAccessRuleOnAnApiCommandRecordReachesTheApisCodecs(@TempDir Path apiClasses) throws Exception {
    Map<String, String> api = api();
    api.put("test.RemoveItem", api.get("test.RemoveItem").replace("public record RemoveItem",
        "@jakarta.annotation.security.RolesAllowed(\"manager\")\npublic record RemoveItem"));
    Compilation compilation = compile(List.of(), api);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.CartCodecs").contentsAsUtf8String().contains("Access.roles(\"manager\")");
  }

  /** Exactly one error, and no warning: {@code message} in {@code file} on the line containing {@code line}. */
  private static void onlyError(Compilation compilation, String message, JavaFileObject file, String line) {
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadWarningCount(0);
    assertThat(compilation).hadErrorContaining(message).inFile(file).onLineContaining(line);
  }

  /** Compiles {@code sources} with the processor and this JVM's class path plus {@code extra}. */
  private static Compilation compile(List<Path> extra, Map<String, String> sources) {
    List<File> path = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      path.add(new File(entry));
    }
    extra.forEach(p -> path.add(p.toFile()));
    return javac().withClasspath(path).withProcessors(new WeeEventsProcessor()).compile(sources(sources));
  }

  /** Compiles {@code sources} with the processor, as a module of its own, and writes its class files into {@code classes}. */
  private static void compileInto(Path classes, Map<String, String> sources) throws IOException {
    Compilation compilation = compile(List.of(), sources);
    assertThat(compilation).succeeded();
    writeClasses(compilation, classes);
  }

  private static void writeClasses(Compilation compilation, Path classes) throws IOException {
    for (JavaFileObject file : compilation.generatedFiles()) {
      String path = file.toUri().getPath();
      if (file.getKind() != JavaFileObject.Kind.CLASS) {
        continue;
      }
      // /CLASS_OUTPUT/test/Cart.class
      Path target = classes.resolve(path.substring(path.indexOf("CLASS_OUTPUT/") + "CLASS_OUTPUT/".length()));
      Files.createDirectories(target.getParent());
      try (InputStream in = file.openInputStream()) {
        Files.copy(in, target);
      }
    }
  }

  private static List<JavaFileObject> sources(Map<String, String> sources) {
    return sources.keySet().stream().map(name -> file(name, sources)).toList();
  }

  private static JavaFileObject file(String name, Map<String, String> sources) {
    return JavaFileObjects.forSourceString(name, sources.get(name));
  }

  /** The qualified names of the sources the processor generated, sorted. */
  private static List<String> generatedSources(Compilation compilation) {
    return compilation.generatedSourceFiles().stream()
        .map(f -> f.toUri().getPath().replaceFirst(".*SOURCE_OUTPUT/", "").replaceAll("\\.java$", "").replace('/', '.'))
        .sorted()
        .toList();
  }

  private static String source(Compilation compilation, String name) throws IOException {
    return compilation.generatedSourceFile(name).orElseThrow().getCharContent(true).toString();
  }
}
