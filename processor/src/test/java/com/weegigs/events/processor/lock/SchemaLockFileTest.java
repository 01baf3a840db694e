package com.weegigs.events.processor.lock;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.weegigs.events.processor.ReceiptsDomainTest;
import com.weegigs.events.processor.WeeEventsProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * The lock file the processor writes for the receipts domain: where it is, what it holds, and that
 * the same sources give the same bytes in any order.
 */
class SchemaLockFileTest {
  /** The lock written for the receipts domain, compiling {@code sources}. */
  static String lock(List<JavaFileObject> sources) {
    Compilation compilation = javac().withProcessors(new WeeEventsProcessor()).compile(sources);
    assertThat(compilation).succeededWithoutWarnings();
    JavaFileObject file = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/wee-events/receipts.schema-lock.json")
        .orElseThrow(() -> new AssertionError("no lock written"));
    try {
      return file.getCharContent(false).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void theLockIsTheSameBytesWhateverTheOrderOfTheSources() {
    List<JavaFileObject> sources = ReceiptsDomainTest.sources();
    List<JavaFileObject> reversed = new ArrayList<>(sources);
    Collections.reverse(reversed);
    String first = lock(sources);
    assertEquals(first, lock(sources));
    assertEquals(first, lock(reversed));
    assertTrue(first.endsWith("}\n"), "ends with one line break");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theLockHoldsTheServiceAndEveryStateEventAndCommandSortedByWireName() throws Exception {
    Map<String, Object> lock = (Map<String, Object>) LockJson.parse(lock(ReceiptsDomainTest.sources()));
    assertEquals(List.of("format", "service", "version", "aggregates"), List.copyOf(lock.keySet()));
    assertEquals("receipts", lock.get("service"));
    assertEquals("1.0.0", lock.get("version"));
    Map<String, Object> aggregates = (Map<String, Object>) lock.get("aggregates");
    assertEquals(aggregates.keySet().stream().sorted().toList(), List.copyOf(aggregates.keySet()));
    Map<String, Object> receipt = (Map<String, Object>) aggregates.get("receipt");
    assertEquals(List.of("javaName", "state", "events", "commands"), List.copyOf(receipt.keySet()));
    assertEquals("com.weegigs.events.example.receipts.Receipt", receipt.get("javaName"));
    Map<String, Object> events = (Map<String, Object>) receipt.get("events");
    assertEquals(events.keySet().stream().sorted().toList(), List.copyOf(events.keySet()));
    Map<String, Object> itemAdded = (Map<String, Object>) events.get("item-added");
    assertEquals("com.weegigs.events.example.receipts.ItemAdded", itemAdded.get("javaName"));
    assertEquals(new java.math.BigDecimal(1), itemAdded.get("version"));
    Map<String, Object> schema = (Map<String, Object>) itemAdded.get("schema");
    assertEquals("event item-added of aggregate receipt", schema.get("description"));
    Map<String, Object> commands = (Map<String, Object>) receipt.get("commands");
    assertEquals(commands.keySet().stream().sorted().toList(), List.copyOf(commands.keySet()));
    assertTrue(commands.containsKey("add-item"), commands.keySet().toString());
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
}
