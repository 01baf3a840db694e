package com.weegigs.events.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The receipts domain as the README shows it (package-info {@code @Service}, an aggregate with
 * {@code @Initial}, handlers in a separate class returning one event or a {@code List} of the sealed
 * supertype, a {@code CommandContext} parameter, explicit names, and an aggregate without initial
 * state created by a static creating handler) compiles with no error and no warning, and every
 * generated type exists and compiles too.
 */
public class ReceiptsDomainTest {
  private static final String PKG = "com.weegigs.events.example.receipts";

  /** The receipts domain sources, also used by the model tests. */
  public static List<JavaFileObject> sources() {
    return List.of(
        source("package-info", """
            @Service(name = "receipts", version = "1.0.0", title = "Receipt Service")
            package com.weegigs.events.example.receipts;

            import com.weegigs.events.annotations.Service;
            """),
        source("Status", """
            public enum Status { OPEN, CLOSED, VOIDED }
            """),
        source("Item", """
            public record Item(String name, BigDecimal price, int quantity) {}
            """),
        source("Receipt", """
            @Aggregate(type = "receipt")
            public record Receipt(String id, Status status, List<Item> items, BigDecimal total) {
              @Initial
              static Receipt open(String key) {
                return new Receipt(key, Status.OPEN, List.of(), BigDecimal.ZERO);
              }

              @Reducer
              Receipt on(ItemAdded e) {
                List<Item> next = new ArrayList<>(items);
                next.add(new Item(e.name(), e.price(), e.quantity()));
                return new Receipt(id, status, next, total.add(e.lineTotal()));
              }

              @Reducer
              Receipt on(ItemRemoved e) {
                return new Receipt(id, status, items, total.subtract(e.refund()));
              }

              @Reducer
              Receipt on(ReceiptFinalized e) {
                return new Receipt(id, Status.CLOSED, items, total);
              }

              @Reducer
              Receipt on(ReceiptVoided e) {
                return new Receipt(id, Status.VOIDED, items, total);
              }
            }
            """),
        source("ReceiptEvent", """
            public sealed interface ReceiptEvent permits ItemAdded, ItemRemoved, ReceiptFinalized, ReceiptVoided {}
            """),
        source("AddItem", """
            @Command(aggregate = Receipt.class)
            public record AddItem(@NotBlank String name, @PositiveOrZero BigDecimal price, @Min(1) int quantity) {}
            """),
        source("RemoveItem", """
            @Command(aggregate = Receipt.class)
            public record RemoveItem(@NotBlank @Size(max = 100) String name) {}
            """),
        source("Finalize", """
            @Command(aggregate = Receipt.class)
            public record Finalize() {}
            """),
        source("VoidReceipt", """
            @Command(name = "void-receipt", aggregate = Receipt.class)
            public record VoidReceipt(@NotBlank String reason) {}
            """),
        source("ItemAdded", """
            @Event(aggregate = Receipt.class)
            public record ItemAdded(String name, BigDecimal price, int quantity, BigDecimal lineTotal) implements ReceiptEvent {}
            """),
        source("ItemRemoved", """
            @Event(aggregate = Receipt.class)
            public record ItemRemoved(String name, BigDecimal refund) implements ReceiptEvent {}
            """),
        source("ReceiptFinalized", """
            @Event(aggregate = Receipt.class)
            public record ReceiptFinalized(BigDecimal total) implements ReceiptEvent {}
            """),
        source("ReceiptVoided", """
            @Event(aggregate = Receipt.class)
            public record ReceiptVoided(String reason) implements ReceiptEvent {}
            """),
        source("ReceiptHandlers", """
            public final class ReceiptHandlers {
              @CommandHandler
              List<ReceiptEvent> addItem(Receipt state, AddItem command) {
                BigDecimal line = command.price().multiply(BigDecimal.valueOf(command.quantity()));
                return List.of(new ItemAdded(command.name(), command.price(), command.quantity(), line));
              }

              @CommandHandler
              ItemRemoved removeItem(Receipt state, RemoveItem command, CommandContext context) {
                return new ItemRemoved(command.name(), BigDecimal.ZERO);
              }

              @CommandHandler
              ReceiptFinalized finalizeReceipt(Receipt state, Finalize command) {
                return new ReceiptFinalized(state.total());
              }

              @CommandHandler
              ReceiptVoided voidReceipt(Receipt state, VoidReceipt command) {
                return new ReceiptVoided(command.reason());
              }
            }
            """),
        source("Supplier", """
            @Aggregate
            public record Supplier(String id, String name, Optional<String> email, Map<String, Integer> ratings) {
              @Reducer
              static Supplier on(SupplierRegistered e) {
                return new Supplier(e.id(), e.name(), Optional.empty(), Map.of());
              }

              @Reducer
              Supplier on(SupplierRenamed e) {
                return new Supplier(id, e.name(), email, ratings);
              }

              @CommandHandler
              static SupplierRegistered register(RegisterSupplier command) {
                return new SupplierRegistered(command.id(), command.name());
              }

              @CommandHandler
              SupplierRenamed rename(RenameSupplier command, CommandContext context) {
                return new SupplierRenamed(command.name());
              }
            }
            """),
        source("RegisterSupplier", """
            @Command(aggregate = Supplier.class)
            public record RegisterSupplier(@NotBlank String id, @NotBlank @Size(min = 2, max = 100) String name,
                @Email String email, Set<UUID> tags, LocalDate since, Instant at, BigInteger big, Long boxed) {}
            """),
        source("RenameSupplier", """
            @Command(aggregate = Supplier.class)
            public record RenameSupplier(@NotBlank @Pattern(regexp = "[A-Za-z ]+") String name) {}
            """),
        source("SupplierRegistered", """
            @Event(aggregate = Supplier.class)
            public record SupplierRegistered(String id, String name) {}
            """),
        source("SupplierRenamed", """
            @Event(aggregate = Supplier.class)
            public record SupplierRenamed(String name) {}
            """));
  }

  /** A source in the receipts package with the imports a user would write. */
  static JavaFileObject source(String simpleName, String body) {
    if (simpleName.equals("package-info")) {
      return JavaFileObjects.forSourceString(PKG + ".package-info", body);
    }
    String imports = """
        package com.weegigs.events.example.receipts;

        import com.weegigs.events.annotations.*;
        import com.weegigs.events.runtime.CommandContext;
        import jakarta.validation.constraints.*;
        import java.math.BigDecimal;
        import java.math.BigInteger;
        import java.time.Instant;
        import java.time.LocalDate;
        import java.util.*;

        """;
    return JavaFileObjects.forSourceString(PKG + "." + simpleName, imports + body);
  }

  @Test
  void compilesWithoutErrorsOrWarnings() {
    Compilation compilation = javac()
        .withOptions("-Xlint:all,-processing", "-Werror")
        .withProcessors(new WeeEventsProcessor())
        .compile(sources());
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void compilingTwiceGivesIdenticalFiles() throws Exception {
    Compilation first = javac().withProcessors(new WeeEventsProcessor()).compile(sources());
    // The same sources in the reverse order: the output must not depend on it either.
    List<JavaFileObject> reversed = new java.util.ArrayList<>(sources());
    java.util.Collections.reverse(reversed);
    Compilation second = javac().withProcessors(new WeeEventsProcessor()).compile(reversed);
    assertThat(first.generatedSourceFiles()).hasSize(second.generatedSourceFiles().size());
    for (JavaFileObject file : first.generatedSourceFiles()) {
      JavaFileObject twin = second.generatedSourceFiles().stream()
          .filter(f -> f.toUri().equals(file.toUri()))
          .findFirst()
          .orElseThrow();
      assertThat(twin.getCharContent(true).toString()).isEqualTo(file.getCharContent(true).toString());
    }
  }

  @Test
  void generatesEveryNamedType() {
    Compilation compilation = javac().withProcessors(new WeeEventsProcessor()).compile(sources());
    assertThat(compilation).succeededWithoutWarnings();
    List<String> expected = List.of(
        "ReceiptSubjects", "ReceiptCodecs", "ReceiptValidators", "ReceiptStub", "ReceiptClient", "NatsReceiptClient",
        "ReceiptFixture", "SupplierSubjects", "SupplierCodecs", "SupplierValidators", "SupplierStub", "SupplierClient",
        "NatsSupplierClient", "SupplierFixture", "ReceiptsService");
    for (String name : expected) {
      assertThat(compilation).generatedSourceFile(PKG + "." + name);
    }
    assertThat(compilation.generatedSourceFiles()).hasSize(expected.size());
  }
}
