package com.weegigs.events.benchmarks.processor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes the source of a large annotated code base for the {@code processor} scenario: a number of
 * aggregates spread over services of {@link #AGGREGATES_PER_SERVICE} each, every aggregate with 5
 * commands and 5 events, written the way a user writes the receipts example.
 *
 * <p>Aggregate {@code n} (a {@code Ledger} of lines) is 15 files: the state record with an
 * {@code @Initial} factory and 5 reducers, a status enum, a line record, 5 command records with
 * constraints ({@code @NotBlank}, {@code @Size}, {@code @NotNull}, {@code @PositiveOrZero},
 * {@code @Min}, {@code @Max}, {@code @Pattern}, {@code @Email}), 5 event records, a sealed event
 * interface and a handler class whose handlers apply business rules and refuse with
 * {@code RejectedException}.
 */
public final class AggregateSourceGenerator {
  /** Aggregates per {@code @Service} package. */
  public static final int AGGREGATES_PER_SERVICE = 20;

  private AggregateSourceGenerator() {}

  /** Writes {@code aggregates} aggregates under {@code root}; returns every file written. */
  public static List<Path> write(Path root, int aggregates) throws IOException {
    List<Path> files = new ArrayList<>();
    int services = (aggregates + AGGREGATES_PER_SERVICE - 1) / AGGREGATES_PER_SERVICE;
    for (int s = 0; s < services; s++) {
      String pkg = servicePackage(s);
      files.add(write(root, pkg, "package-info", packageInfo(s)));
    }
    for (int n = 0; n < aggregates; n++) {
      String pkg = servicePackage(n / AGGREGATES_PER_SERVICE);
      String a = "Ledger" + String.format(Locale.ROOT, "%03d", n);
      files.add(write(root, pkg, a, aggregate(pkg, a, n)));
      files.add(write(root, pkg, a + "Status", status(pkg, a)));
      files.add(write(root, pkg, a + "Line", line(pkg, a)));
      files.add(write(root, pkg, a + "Event", eventInterface(pkg, a)));
      files.add(write(root, pkg, a + "Handlers", handlers(pkg, a)));
      for (String[] command : commands(a)) {
        files.add(write(root, pkg, command[0], command[1]));
      }
      for (String[] event : events(a)) {
        files.add(write(root, pkg, event[0], event[1]));
      }
    }
    return files;
  }

  private static String servicePackage(int service) {
    return "bench.ledgers" + String.format(Locale.ROOT, "%02d", service);
  }

  private static Path write(Path root, String pkg, String name, String source) throws IOException {
    Path dir = root.resolve(pkg.replace('.', '/'));
    Files.createDirectories(dir);
    Path file = dir.resolve(name + ".java");
    Files.writeString(file, source, StandardCharsets.UTF_8);
    return file;
  }

  private static String packageInfo(int service) {
    return """
        /** Ledgers, part %1$d: generated for the processor benchmark. */
        @Service(name = "ledgers-%1$d", version = "1.%1$d.0", title = "Ledger Service %1$d")
        package %2$s;

        import com.weegigs.events.annotations.Service;
        """
        .formatted(service, servicePackage(service));
  }

  private static String aggregate(String pkg, String a, int n) {
    return """
        package %1$s;

        import com.weegigs.events.annotations.Aggregate;
        import com.weegigs.events.annotations.Initial;
        import com.weegigs.events.annotations.Reducer;
        import java.math.BigDecimal;
        import java.util.ArrayList;
        import java.util.List;

        /**
         * A ledger of priced lines.
         *
         * @param id the key
         * @param owner who opened it, empty until opened
         * @param status active, suspended or closed
         * @param lines the lines, in order
         * @param total the sum of the lines
         */
        @Aggregate(type = "ledger-%3$d")
        public record %2$s(String id, String owner, %2$sStatus status, List<%2$sLine> lines, BigDecimal total) {

          /** Copies the lines so the state never changes under its holder. */
          public %2$s {
            lines = List.copyOf(lines);
          }

          /** A ledger nobody has touched. */
          @Initial
          static %2$s empty(String key) {
            return new %2$s(key, "", %2$sStatus.ACTIVE, List.of(), BigDecimal.ZERO);
          }

          /** Records the owner. */
          @Reducer
          %2$s on(%2$sOpened event) {
            return new %2$s(id, event.owner(), %2$sStatus.ACTIVE, lines, total);
          }

          /** Adds a line. */
          @Reducer
          %2$s on(%2$sLineAdded event) {
            List<%2$sLine> next = new ArrayList<>(lines);
            next.add(new %2$sLine(event.sku(), event.amount(), event.quantity()));
            return new %2$s(id, owner, status, next, total.add(event.lineTotal()));
          }

          /** Removes the first line with the sku. */
          @Reducer
          %2$s on(%2$sLineRemoved event) {
            List<%2$sLine> next = new ArrayList<>(lines);
            for (int i = 0; i < next.size(); i++) {
              if (next.get(i).sku().equals(event.sku())) {
                next.remove(i);
                break;
              }
            }
            return new %2$s(id, owner, status, next, total.subtract(event.refund()));
          }

          /** Suspends the ledger. */
          @Reducer
          %2$s on(%2$sSuspended event) {
            return new %2$s(id, owner, %2$sStatus.SUSPENDED, lines, total);
          }

          /** Closes the ledger. */
          @Reducer
          %2$s on(%2$sClosed event) {
            return new %2$s(id, owner, %2$sStatus.CLOSED, lines, total);
          }

          /** The first line with {@code sku}, or {@code null}. */
          %2$sLine line(String sku) {
            for (%2$sLine line : lines) {
              if (line.sku().equals(sku)) {
                return line;
              }
            }
            return null;
          }
        }
        """
        .formatted(pkg, a, n);
  }

  private static String status(String pkg, String a) {
    return """
        package %1$s;

        /** Where a ledger is in its life. */
        public enum %2$sStatus {
          /** Lines may change. */
          ACTIVE,
          /** Lines are frozen until further notice. */
          SUSPENDED,
          /** Final. */
          CLOSED
        }
        """
        .formatted(pkg, a);
  }

  private static String line(String pkg, String a) {
    return """
        package %1$s;

        import java.math.BigDecimal;

        /**
         * One line of a ledger.
         *
         * @param sku the stock keeping unit
         * @param amount the price of one unit
         * @param quantity how many units
         */
        public record %2$sLine(String sku, BigDecimal amount, int quantity) {
          /** amount × quantity. */
          public BigDecimal lineTotal() {
            return amount.multiply(BigDecimal.valueOf(quantity));
          }
        }
        """
        .formatted(pkg, a);
  }

  private static String eventInterface(String pkg, String a) {
    return """
        package %1$s;

        /** Every event of the ledger. */
        public sealed interface %2$sEvent
            permits %2$sOpened, %2$sLineAdded, %2$sLineRemoved, %2$sSuspended, %2$sClosed {}
        """
        .formatted(pkg, a);
  }

  private static List<String[]> commands(String a) {
    return List.of(
        command(a, "Open", "open", "@NotBlank @Size(max = 64) String owner, @Email String contact",
            "NotBlank", "Size", "Email"),
        command(a, "AddLine", "add-line",
            "@NotBlank @Size(max = 32) String sku, @NotNull @PositiveOrZero BigDecimal amount, @Min(1) @Max(10000) int quantity",
            "NotBlank", "Size", "NotNull", "PositiveOrZero", "Min", "Max"),
        command(a, "RemoveLine", "remove-line", "@NotBlank String sku", "NotBlank"),
        command(a, "Suspend", "suspend", "@NotBlank @Size(min = 3, max = 200) String reason",
            "NotBlank", "Size"),
        command(a, "Close", "close", "@NotNull @Pattern(regexp = \"[A-Z]{3}\") String currency",
            "NotNull", "Pattern"));
  }

  private static String[] command(
      String a, String suffix, String wire, String components, String... constraints) {
    StringBuilder imports = new StringBuilder();
    for (String constraint : constraints) {
      imports.append("import jakarta.validation.constraints.").append(constraint).append(";\n");
    }
    if (components.contains("BigDecimal")) {
      imports.append("import java.math.BigDecimal;\n");
    }
    String name = a + suffix;
    String pkgLine = "package " + pkgOf(a) + ";\n\n";
    String source = pkgLine
        + "import com.weegigs.events.annotations.Command;\n"
        + imports
        + "\n/** The {@code " + wire + "} command of " + a + ". */\n"
        + "@Command(aggregate = " + a + ".class, name = \"" + wire + "\")\n"
        + "public record " + name + "(" + components + ") {}\n";
    return new String[] {name, source};
  }

  private static List<String[]> events(String a) {
    return List.of(
        event(a, "Opened", "opened", "String owner, String contact"),
        event(a, "LineAdded", "line-added", "String sku, BigDecimal amount, int quantity, BigDecimal lineTotal"),
        event(a, "LineRemoved", "line-removed", "String sku, BigDecimal refund"),
        event(a, "Suspended", "suspended", "String reason"),
        event(a, "Closed", "closed", "String currency, BigDecimal finalTotal, int lineCount"));
  }

  private static String[] event(String a, String suffix, String wire, String components) {
    String name = a + suffix;
    String source = "package " + pkgOf(a) + ";\n\n"
        + "import com.weegigs.events.annotations.Event;\n"
        + (components.contains("BigDecimal") ? "import java.math.BigDecimal;\n" : "")
        + "\n/** The {@code " + wire + "} event of " + a + ". */\n"
        + "@Event(aggregate = " + a + ".class, name = \"" + wire + "\")\n"
        + "public record " + name + "(" + components + ") implements " + a + "Event {}\n";
    return new String[] {name, source};
  }

  private static String handlers(String pkg, String a) {
    return """
        package %1$s;

        import com.weegigs.events.annotations.CommandHandler;
        import com.weegigs.events.runtime.error.RejectedException;

        /** The rules of the ledger. */
        public final class %2$sHandlers {
          /** Creates the handlers. */
          public %2$sHandlers() {}

          /** Opens a ledger once. */
          @CommandHandler
          public %2$sOpened open(%2$s state, %2$sOpen command) {
            if (!state.owner().isEmpty()) {
              throw new RejectedException("already-open", "Ledger is already open");
            }
            return new %2$sOpened(command.owner(), command.contact());
          }

          /** Adds a line while active. */
          @CommandHandler
          public %2$sLineAdded addLine(%2$s state, %2$sAddLine command) {
            requireActive(state);
            %2$sLine line = new %2$sLine(command.sku(), command.amount(), command.quantity());
            return new %2$sLineAdded(command.sku(), command.amount(), command.quantity(), line.lineTotal());
          }

          /** Removes a line that exists, while active. */
          @CommandHandler
          public %2$sLineRemoved removeLine(%2$s state, %2$sRemoveLine command) {
            requireActive(state);
            %2$sLine line = state.line(command.sku());
            if (line == null) {
              throw new RejectedException("line-not-found", "No line " + command.sku());
            }
            return new %2$sLineRemoved(line.sku(), line.lineTotal());
          }

          /** Suspends an active ledger. */
          @CommandHandler
          public %2$sSuspended suspend(%2$s state, %2$sSuspend command) {
            requireActive(state);
            return new %2$sSuspended(command.reason());
          }

          /** Closes a ledger that is not closed yet. */
          @CommandHandler
          public %2$sClosed close(%2$s state, %2$sClose command) {
            if (state.status() == %2$sStatus.CLOSED) {
              throw new RejectedException("already-closed", "Ledger is already closed");
            }
            return new %2$sClosed(command.currency(), state.total(), state.lines().size());
          }

          private static void requireActive(%2$s state) {
            if (state.status() != %2$sStatus.ACTIVE) {
              throw new RejectedException("not-active", "Ledger is " + state.status());
            }
          }
        }
        """
        .formatted(pkg, a);
  }

  private static String pkgOf(String aggregate) {
    int n = Integer.parseInt(aggregate.substring("Ledger".length()));
    return servicePackage(n / AGGREGATES_PER_SERVICE);
  }
}
