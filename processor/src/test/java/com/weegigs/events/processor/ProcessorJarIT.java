package com.weegigs.events.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged processor jar works alone, as the README promises: a plain {@code javac} with
 * {@code -processorpath} naming only that jar compiles the receipts domain with every lint and
 * {@code -Werror}, and writes every generated type. The jar exists only after {@code package}, so
 * this runs under failsafe ({@code integration-test}), which passes the jar's path in the system
 * property {@value #JAR_PROPERTY}. javac runs in its own process so that nothing of this JVM's
 * class path (the unshaded JavaPoet, the processor's classes) can leak into the processor path.
 */
class ProcessorJarIT {
  static final String JAR_PROPERTY = "wee.processor.jar";
  static final String EXAMPLE_PROPERTY = "wee.example.dir";

  /** Classes whose jars (or class folders in a reactor build) user code compiles against. */
  private static final List<String> USER_CLASS_PATH = List.of(
      "com.weegigs.events.annotations.Aggregate",
      "com.weegigs.events.runtime.AggregateId",
      "jakarta.validation.constraints.NotBlank",
      "jakarta.annotation.security.RolesAllowed",
      "com.fasterxml.jackson.core.JsonGenerator",
      "io.nats.client.Connection");

  @Test
  void compilesTheReceiptsDomainWithOnlyTheJarOnTheProcessorPath(@TempDir Path work) throws Exception {
    Path jar = processorJar();
    Path sources = work.resolve("src");
    Path classes = work.resolve("classes");
    Path generated = work.resolve("generated");
    Files.createDirectories(classes);
    Files.createDirectories(generated);
    List<String> files = writeSources(ReceiptsDomainTest.sources(), sources);

    javac(List.of("-processorpath", jar.toString(), "-cp", userClassPath(), "-d", classes.toString(), "-s", generated.toString()),
        files);

    Path receipts = generated.resolve("com/weegigs/events/example/receipts");
    List<String> expected = List.of(
        "NatsReceiptClient", "NatsSupplierClient", "ReceiptClient", "ReceiptCodecs", "ReceiptFixture", "ReceiptStub",
        "ReceiptSubjects", "ReceiptValidators", "ReceiptsService", "SupplierClient", "SupplierCodecs", "SupplierFixture",
        "SupplierStub", "SupplierSubjects", "SupplierValidators");
    assertEquals(expected, listJavaFiles(generated, receipts), "generated sources");
    for (String name : expected) {
      assertTrue(Files.isRegularFile(classes.resolve("com/weegigs/events/example/receipts/" + name + ".class")),
          name + " was generated but not compiled");
    }
  }

  /**
   * The API jar layout of processor/README.md, with only its documented paths: the example's
   * receipts-api compiled with the processor (and its committed schema lock) and packed into a jar;
   * the handlers of receipts-service compiled against that jar, getting the two stubs and their
   * fixtures and nothing else; and the audit service's sources compiled against the API jar alone, with the processor,
   * which writes the subscriptions of its {@code @EventHandler} class against the jar's client and
   * nothing else. Each compilation is a plain javac in a process of its own.
   */
  @Test
  void compilesTheExamplesApiJarItsServiceModuleAndAConsumerInSeparateProcesses(@TempDir Path work) throws Exception {
    Path jar = processorJar();
    String exampleDir = System.getProperty(EXAMPLE_PROPERTY);
    assertTrue(exampleDir != null && !exampleDir.isBlank(), "system property " + EXAMPLE_PROPERTY + " is not set (run with mvn verify)");
    Path example = Path.of(exampleDir).toAbsolutePath().normalize();
    Path lockDir = example.resolve("receipts-api/src/main/resources/META-INF/wee-events");

    Path apiClasses = Files.createDirectories(work.resolve("api-classes"));
    Path apiGenerated = Files.createDirectories(work.resolve("api-generated"));
    javac(List.of("-processorpath", jar.toString(), "-Awee.schemaLockDir=" + lockDir, "-cp", userClassPath(),
        "-d", apiClasses.toString(), "-s", apiGenerated.toString()), javaFiles(example.resolve("receipts-api/src/main/java"), f -> true));
    Path receipts = Path.of("com/weegigs/events/example/receipts");
    assertEquals(List.of("NatsReceiptClient", "NatsSupplierClient", "ReceiptClient", "ReceiptCodecs", "ReceiptSubjects",
        "ReceiptValidators", "ReceiptsService", "SupplierClient", "SupplierCodecs", "SupplierSubjects", "SupplierValidators"),
        listJavaFiles(apiGenerated, apiGenerated.resolve(receipts)), "generated in the API");
    Path apiJar = work.resolve("receipts-api.jar");
    run(List.of(Path.of(System.getProperty("java.home"), "bin", "jar").toString(), "--create", "--file", apiJar.toString(),
        "-C", apiClasses.toString(), "."));

    // The handlers; Main and Demo need the OpenTelemetry SDK and are not what this is about.
    Path serviceClasses = Files.createDirectories(work.resolve("service-classes"));
    Path serviceGenerated = Files.createDirectories(work.resolve("service-generated"));
    javac(List.of("-processorpath", jar.toString(), "-cp", userClassPath() + File.pathSeparator + apiJar,
        "-d", serviceClasses.toString(), "-s", serviceGenerated.toString()),
        javaFiles(example.resolve("receipts-service/src/main/java"), text -> text.contains("@CommandHandler")));
    assertEquals(List.of("ReceiptFixture", "ReceiptStub", "SupplierFixture", "SupplierStub"),
        listJavaFiles(serviceGenerated, serviceGenerated.resolve(receipts)),
        "generated in the service module");

    Path auditClasses = Files.createDirectories(work.resolve("audit-classes"));
    Path auditGenerated = Files.createDirectories(work.resolve("audit-generated"));
    javac(List.of("-processorpath", jar.toString(), "-cp", userClassPath() + File.pathSeparator + apiJar,
        "-d", auditClasses.toString(), "-s", auditGenerated.toString()), javaFiles(example.resolve("receipts-audit/src/main/java"), f -> true));
    Path audit = Path.of("com/weegigs/events/example/audit");
    assertEquals(List.of("ReceiptAuditSubscriptions"), listJavaFiles(auditGenerated, auditGenerated.resolve(audit)),
        "generated in the audit");
    for (String name : List.of("AuditMain", "ReceiptAudit", "ReceiptAuditSubscriptions")) {
      assertTrue(Files.isRegularFile(auditClasses.resolve(audit.resolve(name + ".class"))), name + " was not compiled");
    }
  }

  @Test
  void jarRegistersTheProcessorAndCarriesJavaPoetRelocated() throws IOException {
    try (JarFile jar = new JarFile(processorJar().toFile())) {
      var registration = jar.getEntry("META-INF/services/javax.annotation.processing.Processor");
      assertTrue(registration != null, "the jar does not register a processor");
      String registered = new String(jar.getInputStream(registration).readAllBytes(), StandardCharsets.UTF_8).strip();
      assertEquals(WeeEventsProcessor.class.getName(), registered);
      assertTrue(jar.getEntry("META-INF/gradle/incremental.annotation.processors") != null, "no Gradle incremental declaration");
      List<String> unshaded = jar.stream().map(e -> e.getName()).filter(n -> n.startsWith("com/palantir/")).toList();
      assertEquals(List.of(), unshaded, "JavaPoet classes outside the relocated package");
      assertTrue(jar.stream().anyMatch(e -> e.getName().startsWith("com/weegigs/events/processor/shaded/javapoet/")),
          "JavaPoet is not in the jar");
    }
  }

  /** Runs javac with every lint and -Werror, {@code options} and {@code files}, in a process of its own; it must print nothing. */
  private static void javac(List<String> options, List<String> files) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "javac").toString(), "--release", "17", "-Xlint:all,-processing", "-Werror"));
    command.addAll(options);
    command.addAll(files);
    String output = run(command);
    assertEquals("", output.strip(), "javac printed diagnostics");
  }

  /** Runs {@code command}, which must succeed; returns what it printed. */
  private static String run(List<String> command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(2, TimeUnit.MINUTES), command.get(0) + " did not finish");
    assertEquals(0, process.exitValue(), command.get(0) + " failed:\n" + output);
    return output;
  }

  /** The Java files under {@code root} whose text passes {@code keep}, sorted. */
  private static List<String> javaFiles(Path root, Predicate<String> keep) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      List<String> files = new ArrayList<>();
      for (Path file : walk.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        if (keep.test(Files.readString(file))) {
          files.add(file.toString());
        }
      }
      return files;
    }
  }

  private static Path processorJar() {
    String property = System.getProperty(JAR_PROPERTY);
    assertTrue(property != null && !property.isBlank(), "system property " + JAR_PROPERTY + " is not set (run with mvn verify)");
    Path jar = Path.of(property);
    assertTrue(Files.isRegularFile(jar), "no processor jar at " + jar);
    return jar;
  }

  private static List<String> writeSources(List<JavaFileObject> objects, Path root) throws IOException {
    List<String> files = new ArrayList<>();
    for (JavaFileObject object : objects) {
      // compile-testing names a source by its path, such as /com/weegigs/.../Receipt.java.
      Path file = root.resolve(object.toUri().getPath().replaceFirst("^/+", ""));
      Files.createDirectories(file.getParent());
      Files.writeString(file, object.getCharContent(true), StandardCharsets.UTF_8);
      files.add(file.toString());
    }
    return files;
  }

  private static String userClassPath() throws ClassNotFoundException, URISyntaxException {
    Set<String> entries = new LinkedHashSet<>();
    for (String name : USER_CLASS_PATH) {
      Class<?> type = Class.forName(name, false, ProcessorJarIT.class.getClassLoader());
      entries.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
    }
    return String.join(File.pathSeparator, entries);
  }

  private static List<String> listJavaFiles(Path root, Path expectedFolder) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      List<Path> files = walk.filter(f -> f.toString().endsWith(".java")).toList();
      for (Path file : files) {
        assertEquals(expectedFolder, file.getParent(), "generated outside the aggregate's package: " + file);
      }
      List<String> names = files.stream()
          .map(f -> f.getFileName().toString().replaceAll("\\.java$", ""))
          .collect(Collectors.toCollection(ArrayList::new));
      Collections.sort(names);
      return names;
    }
  }
}
