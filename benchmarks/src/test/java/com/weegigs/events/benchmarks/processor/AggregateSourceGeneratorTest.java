package com.weegigs.events.benchmarks.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AggregateSourceGeneratorTest {

  @Test
  void writesFifteenFilesPerAggregateAndAPackageInfoPerService(@TempDir Path dir) throws Exception {
    List<Path> files = AggregateSourceGenerator.write(dir, 21);
    // 21 aggregates need 2 services of 20
    assertEquals(2 + 21 * 15, files.size());
    assertTrue(Files.readString(dir.resolve("bench/ledgers01/package-info.java"))
        .contains("@Service(name = \"ledgers-1\""));
    assertTrue(Files.readString(dir.resolve("bench/ledgers00/Ledger007AddLine.java"))
        .contains("@Command(aggregate = Ledger007.class, name = \"add-line\")"));
  }

  @Test
  void whatItWritesCompilesWithoutTheProcessor(@TempDir Path dir) throws Exception {
    List<Path> files = AggregateSourceGenerator.write(dir.resolve("src"), 3);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager manager = javac.getStandardFileManager(diagnostics, null, null)) {
      Path classes = Files.createDirectories(dir.resolve("classes"));
      boolean ok = javac.getTask(new StringWriter(), manager, diagnostics,
          List.of("--release", "17", "-proc:none", "-Xlint:all", "-Werror",
              "-classpath", System.getProperty("java.class.path"), "-d", classes.toString()),
          null, manager.getJavaFileObjectsFromPaths(files)).call();
      assertTrue(ok, () -> diagnostics.getDiagnostics().toString());
    }
  }
}
