package com.weegigs.events.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * optional component of an event made required), and expects the check's error.
 */
class LockLocationTest {
  /** The released ItemAdded had an optional name; now it is required. */
  private static final String ITEM_ADDED = """
      package test;

      import com.weegigs.events.annotations.*;
      import jakarta.validation.constraints.NotNull;

      @Event(aggregate = Cart.class)
      public record ItemAdded(@NotNull String name) {}
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
    assertTrue(result.output().contains("[WEE-802] component name (String) of event ItemAdded was optional and is now required"), result.output());
    assertTrue(Files.exists(module.resolve("target/classes/META-INF/wee-events/shop.schema-lock.json")));
  }

  @Test
  void foundInTheResourcesOfAGradleModule() throws IOException {
    Path sources = sources(module.resolve("src/main/java"));
    commit(module.resolve("src/main/resources/META-INF/wee-events"));
    Result result = javac(sources, module.resolve("build/classes/java/main"), List.of());
    assertTrue(result.output().contains("[WEE-802]"), result.output());
  }

  @Test
  void foundOnTheSourcePath() throws IOException {
    Path sources = sources(module.resolve("src"));
    commit(module.resolve("src/META-INF/wee-events"));
    Result result = javac(sources, module.resolve("out"), List.of("-sourcepath", sources.toString()));
    assertTrue(result.output().contains("[WEE-802]"), result.output());
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

  private record Result(boolean success, String output) {}

  private static Path sources(Path root) throws IOException {
    Path pkg = Files.createDirectories(root.resolve("test"));
    Files.writeString(pkg.resolve("package-info.java"), Sources.SERVICE);
    Files.writeString(pkg.resolve("Cart.java"), Sources.CART);
    Files.writeString(pkg.resolve("AddItem.java"), Sources.ADD_ITEM);
    Files.writeString(pkg.resolve("CartHandlers.java"), Sources.CART_HANDLERS);
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
