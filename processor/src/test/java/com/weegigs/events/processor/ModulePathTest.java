package com.weegigs.events.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @javax.annotation.processing.Generated} lives in module {@code java.compiler}: a named module
 * that does not read it compiles with the processor, and its generated types carry only our own
 * {@code @WeeGenerated}; on the class path they carry both.
 */
class ModulePathTest {
  private static final String MODULE_INFO = """
      module test.shop {
        requires com.weegigs.events.annotations;
        requires com.weegigs.events.runtime;
        requires com.fasterxml.jackson.core;
        requires jakarta.validation;
      }
      """;

  @Test
  void aModuleThatDoesNotReadJavaCompilerCompiles(@TempDir Path dir) throws IOException {
    Path generated = compile(dir, true);
    String codecs = Files.readString(generated.resolve("test/CartCodecs.java"));
    assertTrue(codecs.contains("@WeeGenerated"), codecs);
    assertFalse(codecs.contains("Generated("), codecs);
  }

  @Test
  void onTheClassPathGeneratedTypesCarryGenerated(@TempDir Path dir) throws IOException {
    Path generated = compile(dir, false);
    try (Stream<Path> files = Files.list(generated.resolve("test"))) {
      List<Path> sources = files.sorted().toList();
      assertEquals(8, sources.size(), sources.toString());
      for (Path source : sources) {
        assertTrue(Files.readString(source).contains("@Generated(\"com.weegigs.events.processor.WeeEventsProcessor\")"), source.toString());
      }
    }
  }

  /** Compiles the valid test domain, as a module or on the class path; answers where the generated sources are. */
  private static Path compile(Path dir, boolean asModule) throws IOException {
    Path sources = Files.createDirectories(dir.resolve("src/test"));
    Files.writeString(sources.resolve("package-info.java"), Sources.SERVICE);
    Files.writeString(sources.resolve("Cart.java"), Sources.CART);
    Files.writeString(sources.resolve("AddItem.java"), Sources.ADD_ITEM);
    Files.writeString(sources.resolve("ItemAdded.java"), Sources.ITEM_ADDED);
    Files.writeString(sources.resolve("CartHandlers.java"), Sources.CART_HANDLERS);
    if (asModule) {
      Files.writeString(dir.resolve("src/module-info.java"), MODULE_INFO);
    }
    Path classes = Files.createDirectories(dir.resolve("classes"));
    Path generated = Files.createDirectories(dir.resolve("generated"));
    String path = String.join(File.pathSeparator, List.of(
        module(dir, "com.weegigs.events.annotations.Aggregate", "com.weegigs.events.annotations"),
        module(dir, "com.weegigs.events.runtime.CommandResult", "com.weegigs.events.runtime"),
        location("com.fasterxml.jackson.core.JsonParser"),
        location("io.nats.client.Connection"),
        location("org.slf4j.Logger"),
        location("io.opentelemetry.api.OpenTelemetry"),
        location("io.opentelemetry.context.Context"),
        location("jakarta.validation.constraints.NotBlank")));
    List<String> options = List.of(asModule ? "--module-path" : "--class-path", path, "-d", classes.toString(), "-s", generated.toString());

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8);
        Stream<Path> walk = Files.walk(dir.resolve("src"))) {
      List<File> units = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toFile).toList();
      JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromFiles(units));
      task.setProcessors(List.of(new WeeEventsProcessor()));
      boolean ok = task.call();
      String report = diagnostics.getDiagnostics().stream().map(Object::toString).collect(Collectors.joining("\n"));
      assertTrue(ok, report);
    }
    return generated;
  }

  /** Where {@code className} is loaded from: a jar, or a class folder in a reactor build. */
  private static String location(String className) {
    try {
      return Path.of(Class.forName(className).getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (ClassNotFoundException | URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The module holding {@code className}: its jar or folder when it declares a module, otherwise a copy
   * as a jar with {@code Automatic-Module-Name: moduleName} (a class folder cannot be an automatic module).
   */
  private static String module(Path dir, String className, String moduleName) throws IOException {
    Path location = Path.of(location(className));
    if (Files.isRegularFile(location)) {
      try (FileSystem jar = FileSystems.newFileSystem(location)) {
        return declaresModule(jar.getPath("/")) ? location.toString() : automaticModule(dir, jar.getPath("/"), moduleName);
      }
    }
    return declaresModule(location) ? location.toString() : automaticModule(dir, location, moduleName);
  }

  private static boolean declaresModule(Path root) {
    return Files.exists(root.resolve("module-info.class"));
  }

  /** A jar of the classes under {@code root}, named {@code moduleName} in its manifest. */
  private static String automaticModule(Path dir, Path root, String moduleName) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(new Attributes.Name("Automatic-Module-Name"), moduleName);
    Path jar = dir.resolve(moduleName + ".jar");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith("META-INF/MANIFEST.MF")).sorted().toList();
    }
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
      for (Path file : files) {
        out.putNextEntry(new JarEntry(root.relativize(file).toString().replace(File.separatorChar, '/')));
        Files.copy(file, out);
        out.closeEntry();
      }
    }
    return jar.toString();
  }
}
