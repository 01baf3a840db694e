package com.weegigs.events.processor.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.processor.WeeEventsProcessor;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the processor finds the committed lock without the option: on javac's source path, and in
 * the resources directory of a Maven or Gradle module, found from the class output. Each test runs
 * a real javac over files in a temporary module, with a committed lock that the sources break (an
 * event with a new required component), and expects the check's error.
 */
class LockLocationTest {
  private static final String SERVICE = """
      @Service(name = "shop", version = "1.0.0")
      package test;

      import com.weegigs.events.annotations.Service;
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

        @CommandHandler
        ItemAdded add(AddItem command) {
          return new ItemAdded(command.name(), 1);
        }
      }
      """;
  private static final String ADD_ITEM = """
      package test;

      import com.weegigs.events.annotations.*;

      @Command(aggregate = Cart.class)
      public record AddItem(String name) {}
      """;
  /** The released ItemAdded had no quantity; the lock below is what it wrote. */
  private static final String ITEM_ADDED = """
      package test;

      import com.weegigs.events.annotations.*;

      @Event(aggregate = Cart.class)
      public record ItemAdded(String name, int quantity) {}
      """;
  private static final String RELEASED_LOCK = """
      {
        "format": 1,
        "service": "shop",
        "version": "1.0.0",
        "aggregates": {
          "cart": {
            "javaName": "test.Cart",
            "state": {},
            "events": {
              "item-added": {
                "javaName": "test.ItemAdded",
                "version": 1,
                "schema": {"type": "object", "properties": {"name": {"type": ["string", "null"]}}}
              }
            },
            "commands": {}
          }
        }
      }
      """;

  @TempDir
  Path module;

  @Test
  void foundInTheResourcesOfAMavenModule() throws IOException {
    Path sources = sources(module.resolve("src/main/java"));
    commit(module.resolve("src/main/resources/META-INF/wee-events"));
    Result result = javac(sources, module.resolve("target/classes"), List.of());
    assertTrue(result.output().contains("[WEE-801] event ItemAdded has a new required component quantity"), result.output());
    assertTrue(Files.exists(module.resolve("target/classes/META-INF/wee-events/shop.schema-lock.json")));
  }

  @Test
  void foundInTheResourcesOfAGradleModule() throws IOException {
    Path sources = sources(module.resolve("src/main/java"));
    commit(module.resolve("src/main/resources/META-INF/wee-events"));
    Result result = javac(sources, module.resolve("build/classes/java/main"), List.of());
    assertTrue(result.output().contains("[WEE-801]"), result.output());
  }

  @Test
  void foundOnTheSourcePath() throws IOException {
    Path sources = sources(module.resolve("src"));
    commit(module.resolve("src/META-INF/wee-events"));
    Result result = javac(sources, module.resolve("out"), List.of("-sourcepath", sources.toString()));
    assertTrue(result.output().contains("[WEE-801]"), result.output());
  }

  @Test
  void notFoundAnywhereMeansNoComparison() throws IOException {
    Path sources = sources(module.resolve("src/main/java"));
    Result result = javac(sources, module.resolve("target/classes"), List.of());
    assertTrue(result.success(), result.output());
    assertEquals("", result.output());
    assertTrue(Files.exists(module.resolve("target/classes/META-INF/wee-events/shop.schema-lock.json")));
  }

  @Test
  void theOptionWinsOverTheBuildLayout() throws IOException {
    // The option names an empty directory, so the lock in the resources is not looked at.
    Path sources = sources(module.resolve("src/main/java"));
    commit(module.resolve("src/main/resources/META-INF/wee-events"));
    Path elsewhere = Files.createDirectories(module.resolve("locks"));
    Result result = javac(sources, module.resolve("target/classes"), List.of("-Awee.schemaLockDir=" + elsewhere));
    assertTrue(result.success(), result.output());
  }

  @Test
  void theResourcesDirectoryOfTheUsualLayouts() {
    Path maven = Path.of("/m/target/classes/META-INF/wee-events/shop.schema-lock.json");
    assertEquals(Optional.of(Path.of("/m/src/main/resources/META-INF/wee-events")), SchemaLocks.resourcesDirectory(maven));
    Path gradle = Path.of("/g/build/classes/java/main/META-INF/wee-events/shop.schema-lock.json");
    assertEquals(Optional.of(Path.of("/g/src/main/resources/META-INF/wee-events")), SchemaLocks.resourcesDirectory(gradle));
    assertEquals(Optional.empty(), SchemaLocks.resourcesDirectory(Path.of("/x/out/META-INF/wee-events/shop.schema-lock.json")));
    assertEquals(Optional.empty(), SchemaLocks.resourcesDirectory(Path.of("shop.schema-lock.json")));
  }

  private record Result(boolean success, String output) {}

  private static Path sources(Path root) throws IOException {
    Path pkg = Files.createDirectories(root.resolve("test"));
    Files.writeString(pkg.resolve("package-info.java"), SERVICE);
    Files.writeString(pkg.resolve("Cart.java"), CART);
    Files.writeString(pkg.resolve("AddItem.java"), ADD_ITEM);
    Files.writeString(pkg.resolve("ItemAdded.java"), ITEM_ADDED);
    return root;
  }

  private static void commit(Path directory) throws IOException {
    Files.createDirectories(directory);
    Files.writeString(directory.resolve("shop.schema-lock.json"), RELEASED_LOCK);
  }

  private static Result javac(Path sources, Path output, List<String> more) throws IOException {
    Files.createDirectories(output);
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, null);
        var walk = Files.walk(sources)) {
      List<Path> java = walk.filter(f -> f.toString().endsWith(".java")).toList();
      List<String> options = new ArrayList<>(List.of("-proc:only", "-d", output.toString(), "-cp", System.getProperty("java.class.path")));
      options.addAll(more);
      StringWriter out = new StringWriter();
      JavaCompiler.CompilationTask task = compiler.getTask(out, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(java));
      task.setProcessors(List.of(new WeeEventsProcessor()));
      boolean success = task.call();
      StringBuilder text = new StringBuilder(out.toString());
      diagnostics.getDiagnostics().forEach(d -> text.append(d.getMessage(null)).append('\n'));
      return new Result(success, text.toString());
    }
  }
}
