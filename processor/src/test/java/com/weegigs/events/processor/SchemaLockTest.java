package com.weegigs.events.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schema lock check (WEE-8xx): each test commits the lock of one domain to a directory, changes
 * the domain, and compiles it with {@code -Awee.schemaLockDir} naming that directory. Changes that
 * would make stored events unreadable are errors, changes that break callers of a command are
 * warnings, and compatible changes pass silently.
 */
class SchemaLockTest {
  private static final String LOCK = "shop.schema-lock.json";

  @TempDir
  Path locks;

  // --- errors: stored events -------------------------------------------------------------------

  @Test
  @Covers(Message.EVENT_COMPONENT_ADDED)
  void eventGainsARequiredComponent() {
    commit(Domain.valid());
    Domain changed = Domain.valid().with("test.ItemAdded", event("""
        public record ItemAdded(String name,
            int quantity) {}
        """));
    onlyError(changed, "[WEE-801] event ItemAdded has a new required component quantity, which the \"item-added\" events"
        + " stored at version 1 do not have, so they could not be read; make it optional (a box, an Optional, a collection,"
        + " or a reference without @NotNull, @NotBlank or @NotEmpty), or bump @Event(version = 2) and add an @Upcaster",
        "test.ItemAdded", "int quantity");
  }

  @Test
  @Covers(Message.EVENT_COMPONENT_NOW_REQUIRED)
  void eventMakesAnOptionalComponentRequired() {
    commit(Domain.valid());
    Domain changed = Domain.valid().with("test.ItemAdded", event("""
        public record ItemAdded(
            @NotNull String name) {}
        """));
    onlyError(changed, "[WEE-802] component name (String) of event ItemAdded was optional and is now required, so the"
        + " \"item-added\" events stored at version 1 without it could not be read; make it optional again, or bump"
        + " @Event(version = 2) and add an @Upcaster", "test.ItemAdded", "@NotNull String name");
  }

  @Test
  @Covers(Message.EVENT_COMPONENT_TYPE_CHANGED)
  void eventChangesAComponentsType() {
    commit(Domain.valid());
    Domain changed = Domain.valid()
        .with("test.ItemAdded", event("""
            public record ItemAdded(
                Integer name) {}
            """))
        .with("test.CartHandlers", handlers("new ItemAdded(command.name().length())"));
    onlyError(changed, "[WEE-803] component name of event ItemAdded was String and is now int, so the \"item-added\" events"
        + " stored at version 1 could not be read; keep the type, or bump @Event(version = 2) and add an @Upcaster",
        "test.ItemAdded", "Integer name");
  }

  @Test
  void aNestedRecordChangeNamesItsPathAndIsReportedOnTheComponent() {
    commit(Domain.valid()
        .with("test.Line", "package test;\n\npublic record Line(String sku, long quantity) {}\n")
        .with("test.ItemAdded", event("public record ItemAdded(String name, java.util.List<Line> lines) {}\n"))
        .with("test.CartHandlers", handlers("new ItemAdded(command.name(), java.util.List.of())")));
    Domain changed = Domain.valid()
        .with("test.Line", "package test;\n\npublic record Line(String sku, int quantity) {}\n")
        .with("test.ItemAdded", event("""
            public record ItemAdded(String name,
                java.util.List<Line> lines) {}
            """))
        .with("test.CartHandlers", handlers("new ItemAdded(command.name(), java.util.List.of())"));
    onlyError(changed, "[WEE-803] component lines[].quantity of event ItemAdded was long and is now int", "test.ItemAdded",
        "java.util.List<Line> lines");
  }

  @Test
  @Covers(Message.EVENT_REMOVED)
  void eventRemoved() {
    commit(Domain.valid()
        .with("test.ItemsCleared", event("public record ItemsCleared(String reason) {}\n"))
        .with("test.Cart", cart("""
              @Reducer
              Cart on(ItemsCleared event) {
                return new Cart(id, 0);
              }
            """)));
    onlyError(Domain.valid(), "[WEE-804] event \"items-cleared\" (ItemsCleared) of Cart is in the schema lock but no longer"
        + " declared, so the stored \"items-cleared\" events could not be read; keep it (deprecated, if nothing records it any"
        + " more), or, if none is stored, accept the new lock", "test.Cart", "public record Cart");
  }

  @Test
  @Covers(Message.EVENT_RENAMED)
  void eventWireNameChanged() {
    commit(Domain.valid());
    Domain changed = Domain.valid().with("test.ItemAdded", """
        package test;

        import com.weegigs.events.annotations.*;

        @Event(aggregate = Cart.class, name = "item-put")
        public record ItemAdded(String name) {}
        """);
    onlyError(changed, "[WEE-805] event ItemAdded has the wire name \"item-put\", but the schema lock has it as \"item-added\","
        + " so the stored \"item-added\" events could not be read; keep the old name with @Event(name = \"item-added\")",
        "test.ItemAdded", "name = \"item-put\"");
  }

  @Test
  @Covers(Message.EVENT_VERSION_LOWERED)
  void eventVersionGoesDown() throws IOException {
    commit(Domain.valid());
    // The released lock had item-added at version 2 (its upcaster then is the other checks' business).
    Path lock = locks.resolve(LOCK);
    String text = Files.readString(lock);
    Files.writeString(lock, text.replace("\"javaName\": \"test.ItemAdded\",\n          \"version\": 1,",
        "\"javaName\": \"test.ItemAdded\",\n          \"version\": 2,"));
    onlyError(Domain.valid(), "[WEE-806] event ItemAdded has version 1, but the schema lock has it at version 2, which stored"
        + " events may have; versions only go up: set @Event(version = 2) or higher", "test.ItemAdded", "public record ItemAdded");
    Domain explicit = Domain.valid().with("test.ItemAdded", """
        package test;

        import com.weegigs.events.annotations.*;

        @Event(aggregate = Cart.class,
            version = 1)
        public record ItemAdded(String name) {}
        """);
    onlyError(explicit, "[WEE-806] event ItemAdded has version 1", "test.ItemAdded", "version = 1");
  }

  @Test
  @Covers(Message.AGGREGATE_REMOVED)
  void aggregateRemoved() throws IOException {
    commit(Domain.valid());
    // The released lock had a second aggregate, shelf, whose state record was test.Shelf.
    Path lock = locks.resolve(LOCK);
    String text = Files.readString(lock);
    Files.writeString(lock, text.replace("  \"aggregates\": {\n", "  \"aggregates\": {\n"
        + "    \"shelf\": {\"javaName\": \"test.Shelf\", \"state\": {}, \"events\": {}, \"commands\": {}},\n"));
    onlyError(Domain.valid(), "[WEE-807] aggregate \"shelf\" (Shelf) is in the schema lock of service \"shop\" but no longer"
        + " declared, so its stored events could not be read; keep it, or, if none of its events is stored, accept the new"
        + " lock", "test.package-info", "package test;");
  }

  @Test
  @Covers(Message.LOCK_UNREADABLE)
  void lockThatIsNotJson() throws IOException {
    Files.writeString(locks.resolve(LOCK), "{\n  \"format\": 1,\n  \"service\": shop\n}\n");
    onlyError(Domain.valid(), "[WEE-808] the schema lock " + locks.resolve(LOCK) + " cannot be read: unexpected character 's'"
        + " at line 3, column 14; restore it from version control, or replace it with the lock the processor writes to the"
        + " class output", "test.package-info", "package test;");
  }

  @Test
  void lockThatIsJsonButNoLock() throws IOException {
    Files.writeString(locks.resolve(LOCK), "{\"format\": 1, \"aggregates\": []}\n");
    onlyError(Domain.valid(), "[WEE-808] the schema lock " + locks.resolve(LOCK) + " cannot be read: \"aggregates\" of the lock"
        + " is not a JSON object", "test.package-info", "package test;");
  }

  // --- warnings: callers of commands -----------------------------------------------------------

  @Test
  @Covers(Message.COMMAND_COMPONENT_ADDED)
  void commandGainsARequiredComponent() {
    commit(Domain.valid());
    Domain changed = Domain.valid().with("test.AddItem", command("""
        public record AddItem(@NotBlank String name,
            @Min(1) int quantity) {}
        """));
    onlyWarning(changed, "[WEE-811] command AddItem has a new required component quantity, which callers of service \"shop\""
        + " 1.0.0 do not send; make it optional, or bump @Service(version) to \"2.0.0\"", "test.AddItem", "@Min(1) int quantity");
  }

  @Test
  @Covers(Message.COMMAND_COMPONENT_CHANGED)
  void commandChangesAComponentsType() {
    commit(Domain.valid().with("test.AddItem", command("public record AddItem(@NotBlank String name, Integer count) {}\n")));
    Domain changed = Domain.valid().with("test.AddItem", command("""
        public record AddItem(@NotBlank String name,
            String count) {}
        """));
    onlyWarning(changed, "[WEE-812] component count of command AddItem was int and is now String, which breaks callers of"
        + " service \"shop\" 1.0.0; keep it as it was, or bump @Service(version) to \"2.0.0\"", "test.AddItem", "String count");
  }

  @Test
  void commandMakesAnOptionalComponentRequired() {
    commit(Domain.valid().with("test.AddItem", command("public record AddItem(@NotBlank String name, Integer count) {}\n")));
    Domain changed = Domain.valid().with("test.AddItem", command("""
        public record AddItem(@NotBlank String name,
            @NotNull Integer count) {}
        """));
    onlyWarning(changed, "[WEE-812] component count of command AddItem was optional int and is now required int",
        "test.AddItem", "@NotNull Integer count");
  }

  @Test
  @Covers(Message.COMMAND_REMOVED)
  void commandRemoved() {
    commit(Domain.valid()
        .with("test.ClearCart", command("public record ClearCart(String reason) {}\n"))
        .with("test.CartHandlers", handlers("new ItemAdded(command.name())",
            "  @CommandHandler\n  ItemAdded clear(Cart state, ClearCart command) {\n    return new ItemAdded(\"\");\n  }\n")));
    onlyWarning(Domain.valid(), "[WEE-813] command \"clear-cart\" (ClearCart) of Cart is in the schema lock but no longer"
        + " declared, which breaks callers of service \"shop\" 1.0.0; keep it, or bump @Service(version) to \"2.0.0\"",
        "test.Cart", "public record Cart");
  }

  @Test
  @Covers(Message.COMMAND_RENAMED)
  void commandWireNameChanged() {
    commit(Domain.valid());
    Domain changed = Domain.valid().with("test.AddItem", """
        package test;

        import com.weegigs.events.annotations.*;
        import jakarta.validation.constraints.*;

        @Command(aggregate = Cart.class, name = "put-item")
        public record AddItem(@NotBlank String name) {}
        """);
    onlyWarning(changed, "[WEE-814] command AddItem has the wire name \"put-item\", but the schema lock has it as \"add-item\","
        + " which breaks callers of service \"shop\" 1.0.0; keep the old name with @Command(name = \"add-item\"), or bump"
        + " @Service(version) to \"2.0.0\"", "test.AddItem", "name = \"put-item\"");
  }

  @Test
  void aNewMajorVersionAcceptsChangesToCommands() {
    commit(Domain.valid());
    Domain changed = Domain.valid()
        .with("test.package-info", Sources.SERVICE.replace("1.0.0", "2.0.0"))
        .with("test.AddItem", command("public record AddItem(@NotBlank String name, @Min(1) int quantity) {}\n"));
    assertThat(compile(changed)).succeededWithoutWarnings();
  }

  @Test
  void aNewMinorVersionDoesNotAcceptChangesToCommands() {
    commit(Domain.valid());
    Domain changed = Domain.valid()
        .with("test.package-info", Sources.SERVICE.replace("1.0.0", "1.1.0"))
        .with("test.AddItem", command("public record AddItem(@NotBlank String name,\n    @Min(1) int quantity) {}\n"));
    onlyWarning(changed, "callers of service \"shop\" 1.0.0 do not send; make it optional, or bump @Service(version) to"
        + " \"2.0.0\"", "test.AddItem", "@Min(1) int quantity");
  }

  // --- compatible changes pass silently --------------------------------------------------------

  @Test
  void compatibleChangesPassSilently() {
    commit(Domain.valid()
        .with("test.Grade", "package test;\n\npublic enum Grade { SMALL, LARGE }\n")
        .with("test.ItemAdded", event("public record ItemAdded(String name, int count, int weight, Grade grade, String sku) {}\n"))
        .with("test.CartHandlers", handlers("new ItemAdded(command.name(), 1, 1, Grade.SMALL, \"\")")));
    Domain changed = Domain.valid()
        // A constant added to an enum, a required component removed (count), an int widened to a long,
        // an optional component added (note), and a UUID-free String left as it was.
        .with("test.Grade", "package test;\n\npublic enum Grade { SMALL, MEDIUM, LARGE }\n")
        .with("test.ItemAdded", event("public record ItemAdded(String name, long weight, Grade grade, String sku, String note) {}\n"))
        // A new event, with its reducer.
        .with("test.CartEmptied", event("public record CartEmptied() {}\n"))
        .with("test.Cart", cart("""
              @Reducer
              Cart on(CartEmptied event) {
                return new Cart(id, 0);
              }
            """))
        // A constraint relaxed, an optional component added to a command, and a new command.
        .with("test.AddItem", command("public record AddItem(@Size(max = 80) String name, Integer count) {}\n"))
        .with("test.EmptyCart", command("public record EmptyCart() {}\n"))
        .with("test.CartHandlers", handlers("new ItemAdded(command.name(), 1L, Grade.MEDIUM, \"\", null)",
            "  @CommandHandler\n  CartEmptied empty(Cart state, EmptyCart command) {\n    return new CartEmptied();\n  }\n"));
    Compilation compilation = compile(changed);
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void theStateMayChange() {
    commit(Domain.valid());
    Domain changed = Domain.valid().with("test.Cart", Sources.CART
        .replace("record Cart(String id, int count)", "record Cart(java.util.UUID id, int count, int total)")
        .replace("new Cart(key, 0)", "new Cart(java.util.UUID.fromString(key), 0, 0)")
        .replace("new Cart(id, count + 1)", "new Cart(id, count + 1, total)"));
    assertThat(compile(changed)).succeededWithoutWarnings();
  }

  @Test
  void aHigherVersionAcceptsAnyChangeToItsEvent() throws IOException {
    commit(Domain.valid());
    Path lock = locks.resolve(LOCK);
    // As if the released lock had item-added at version 1 and the source now declares version 2 with a
    // new required component: the lock check accepts it (the upcaster chain is checked elsewhere).
    Domain changed = Domain.valid().with("test.ItemAdded", """
        package test;

        import com.weegigs.events.annotations.*;

        @Event(aggregate = Cart.class, version = 2)
        public record ItemAdded(String name, int quantity) {}
        """)
        .with("test.CartHandlers", handlers("new ItemAdded(command.name(), 1)"));
    Compilation compilation = compile(changed);
    List<String> lockMessages = compilation.diagnostics().stream()
        .map(d -> d.getMessage(null))
        .filter(m -> m.startsWith("[WEE-8"))
        .toList();
    assertEquals(List.of(), lockMessages);
    assertEquals(true, Files.exists(lock));
  }

  // --- finding the committed lock ---------------------------------------------------------------

  @Test
  void noCommittedLockMeansNoComparison() {
    // A first release: the option names a directory without the lock; nothing to compare, nothing said.
    Domain changed = Domain.valid().with("test.ItemAdded", event("public record ItemAdded(String name, int quantity) {}\n"))
        .with("test.CartHandlers", handlers("new ItemAdded(command.name(), 1)"));
    Compilation compilation = compile(changed);
    assertThat(compilation).succeededWithoutWarnings();
    assertEquals(true, compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/wee-events", LOCK).isPresent());
  }

  @Test
  void withoutTheOptionAndNoLockOnTheSourcePathThereIsNoComparison() {
    Compilation compilation = javac().withProcessors(new WeeEventsProcessor()).compile(Domain.valid().sources());
    assertThat(compilation).succeededWithoutWarnings();
    assertEquals(true, compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/wee-events", LOCK).isPresent());
  }

  @Test
  void theOptionIsDeclared() {
    assertEquals(java.util.Set.of("wee.schemaLockDir"), new WeeEventsProcessor().getSupportedOptions());
  }

  // --- helpers ---------------------------------------------------------------------------------

  /** Compiles {@code released} and commits the lock it writes, as a release would. */
  private void commit(Domain released) {
    Compilation compilation = javac().withProcessors(new WeeEventsProcessor()).compile(released.sources());
    assertThat(compilation).succeeded();
    try {
      String text = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/wee-events", LOCK)
          .orElseThrow(() -> new AssertionError("no lock written")).getCharContent(false).toString();
      Files.writeString(locks.resolve(LOCK), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Compilation compile(Domain domain) {
    return javac().withProcessors(new WeeEventsProcessor()).withOptions("-Awee.schemaLockDir=" + locks).compile(domain.sources());
  }

  private void onlyError(Domain domain, String message, String file, String line) {
    Compilation compilation = compile(domain);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadWarningCount(0);
    assertThat(compilation).hadErrorContaining(message).inFile(domain.file(file)).onLineContaining(line);
  }

  private void onlyWarning(Domain domain, String message, String file, String line) {
    Compilation compilation = compile(domain);
    assertThat(compilation).succeeded();
    assertEquals(1, compilation.diagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.WARNING).count(),
        compilation.diagnostics().toString());
    assertThat(compilation).hadWarningContaining(message).inFile(domain.file(file)).onLineContaining(line);
  }

  /** An event record of Cart, from its declaration. */
  private static String event(String declaration) {
    return "package test;\n\nimport com.weegigs.events.annotations.*;\nimport jakarta.validation.constraints.*;\n\n"
        + "@Event(aggregate = Cart.class)\n" + declaration;
  }

  /** A command record of Cart, from its declaration. */
  private static String command(String declaration) {
    return "package test;\n\nimport com.weegigs.events.annotations.*;\nimport jakarta.validation.constraints.*;\n\n"
        + "@Command(aggregate = Cart.class)\n" + declaration;
  }

  /** The handlers, AddItem's returning {@code itemAdded}, with {@code more} methods. */
  private static String handlers(String itemAdded, String... more) {
    return "package test;\n\nimport com.weegigs.events.annotations.*;\n\npublic final class CartHandlers {\n"
        + "  @CommandHandler\n  ItemAdded addItem(Cart state, AddItem command) {\n    return " + itemAdded + ";\n  }\n"
        + String.join("", more) + "}\n";
  }

  /** Cart with one more reducer. */
  private static String cart(String reducer) {
    return Sources.CART.substring(0, Sources.CART.lastIndexOf('}')) + reducer + "}\n";
  }
}
