package com.weegigs.events.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.weegigs.events.testing.NatsServer;
import io.nats.client.Connection;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

/**
 * The runtime's module boundary: it exports exactly the packages its README lists as the public API
 * (plus {@code internal.generated}, for generated code), and a named module that requires it can use
 * those and cannot reach any other package. Tests run on the class path, where nothing of this is
 * enforced, so the descriptor is read and a module compiled against it here.
 */
class ModuleBoundaryTest {
  private static final String RUNTIME = "com.weegigs.events.runtime";
  private static final String GENERATED_SUPPORT = RUNTIME + ".internal.generated";

  @Test
  void runtimeExportsExactlyThePackagesItsReadmeLists() throws IOException {
    ModuleDescriptor runtime = descriptor(NatsService.class);
    assertEquals(RUNTIME, runtime.name());
    runtime.exports().forEach(export -> assertFalse(export.isQualified(), export + " is a qualified export"));
    Set<String> exported = runtime.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(readmePackages(), exported, "module-info.java exports and the packages README.md lists");
  }

  @Test
  void everyPackageItDoesNotExportIsInternal() {
    for (String hidden : hiddenPackages()) {
      assertTrue(hidden.startsWith(RUNTIME + ".internal."), hidden + " is neither exported nor internal");
    }
    assertFalse(hiddenPackages().isEmpty(), "the runtime has internal packages to hide");
  }

  @Test
  void testingExportsItsOnePackage() {
    ModuleDescriptor testing = descriptor(NatsServer.class);
    assertEquals("com.weegigs.events.testing", testing.name());
    assertEquals(Set.of("com.weegigs.events.testing"),
        testing.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()));
  }

  @Test
  void namedModuleCompilesAgainstTheApiAndTheGeneratedSupport(@TempDir Path work) throws IOException {
    String errors = compileModule(work, """
        import com.weegigs.events.runtime.NatsService;
        import com.weegigs.events.runtime.codec.JsonCodec;
        import com.weegigs.events.runtime.internal.generated.BuiltInCodecs;

        public final class Probe {
          static final JsonCodec<String> CODEC = BuiltInCodecs.STRING;
          static final Class<?> SERVICE = NatsService.class;
        }
        """);
    assertEquals("", errors);
  }

  @Test
  void namedModuleCannotReachAnInternalPackage(@TempDir Path work) throws IOException {
    for (String hidden : hiddenPackages()) {
      String errors = compileModule(work.resolve(hidden), "import " + hidden + ".*;\n\npublic final class Probe {}\n");
      assertTrue(errors.contains("package " + hidden + " is not visible"), hidden + ": " + errors);
      assertTrue(errors.contains("does not export it"), hidden + ": " + errors);
    }
  }

  /** The runtime's packages that are not exported. */
  private static Set<String> hiddenPackages() {
    ModuleDescriptor runtime = descriptor(NatsService.class);
    Set<String> hidden = new TreeSet<>(runtime.packages());
    runtime.exports().forEach(export -> hidden.remove(export.source()));
    return hidden;
  }

  /**
   * The packages README.md names in its API table (first column, {@code `com.weegigs...`}). The
   * generated-code package is listed there too, under its own heading, and is exported for that code.
   */
  private static Set<String> readmePackages() throws IOException {
    Matcher matcher = Pattern.compile("^\\| `(com\\.weegigs\\.events\\.runtime[a-z.]*)` \\|", Pattern.MULTILINE)
        .matcher(Files.readString(Path.of("README.md")));
    Set<String> packages = new TreeSet<>();
    while (matcher.find()) {
      packages.add(matcher.group(1));
    }
    assertTrue(packages.contains(GENERATED_SUPPORT), "README.md lists " + GENERATED_SUPPORT);
    return packages;
  }

  /**
   * Compiles module {@code probe} (requiring the runtime, with {@code source} as its one class)
   * against the runtime and its dependencies on the module path, and returns javac's errors.
   */
  private static String compileModule(Path work, String source) throws IOException {
    Path sources = Files.createDirectories(work.resolve("src"));
    Files.writeString(sources.resolve("module-info.java"), "module probe {\n  requires " + RUNTIME + ";\n}\n");
    Files.writeString(sources.resolve("Probe.java"), "package probe;\n\n" + source);
    String modulePath = List.of(NatsService.class, Connection.class, JsonGenerator.class, Logger.class,
        io.opentelemetry.api.OpenTelemetry.class, io.opentelemetry.context.Context.class,
        io.github.resilience4j.core.EventConsumer.class, io.github.resilience4j.ratelimiter.RateLimiter.class,
        io.github.resilience4j.circuitbreaker.CircuitBreaker.class).stream()
        .map(type -> location(type).toString())
        .collect(Collectors.joining(File.pathSeparator));
    // javac through java.base's ToolProvider: the tests are compiled into the runtime module, which does not read java.compiler.
    // In-process javac would take this JVM's class path as its own; an empty one leaves the module path alone.
    ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow();
    StringWriter errors = new StringWriter();
    javac.run(new PrintWriter(errors), new PrintWriter(errors),
        "-d", Files.createDirectories(work.resolve("out")).toString(), "--module-path", modulePath,
        "--class-path", Files.createDirectories(work.resolve("no-classes")).toString(), "-Xlint:-requires-automatic",
        "-proc:none", sources.resolve("module-info.java").toString(), sources.resolve("Probe.java").toString());
    return errors.toString();
  }

  private static ModuleDescriptor descriptor(Class<?> type) {
    ModuleReference module = ModuleFinder.of(location(type)).findAll().iterator().next();
    return module.descriptor();
  }

  /** The class directory or jar {@code type} was loaded from. */
  private static Path location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
