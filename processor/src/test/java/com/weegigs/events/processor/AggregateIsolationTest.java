package com.weegigs.events.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import javax.annotation.processing.Filer;
import javax.tools.ForwardingJavaFileObject;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * An error in one aggregate neither hides nor changes the messages and the generated files of
 * another: each aggregate is validated on its own, into a report of its own. A declaration that
 * belongs to no aggregate only holds back the warnings of the aggregates in its own package.
 */
class AggregateIsolationTest {
  /** Cart without an initial state and without a creating handler: valid, with warning WEE-904. */
  private static final String CART_WITHOUT_CREATION = """
      package test;

      import com.weegigs.events.annotations.*;

      @Aggregate
      public record Cart(String id, int count) {
        @Reducer
        static Cart on(ItemAdded event) {
          return new Cart(event.name(), 1);
        }
      }
      """;
  private static final String WARNING = "[WEE-904] no command can create Cart";

  /** Bill, whose event has no reducer: an error (WEE-401). */
  private static Domain withBrokenBill(Domain domain, String pkg) {
    return domain
        .with(pkg + ".Bill", """
            package %s;

            import com.weegigs.events.annotations.*;

            @Aggregate
            public record Bill(String id, int total) {
              @Initial
              static Bill open(String key) {
                return new Bill(key, 0);
              }
            }
            """.formatted(pkg))
        .with(pkg + ".BillOpened", """
            package %s;

            import com.weegigs.events.annotations.*;

            @Event(aggregate = Bill.class)
            public record BillOpened(int total) {}
            """.formatted(pkg));
  }

  @Test
  void aDeclarationOfNoAggregateInAnotherPackageChangesNothing() {
    Recorded alone = Recorded.compile(cart());
    Domain both = cart().with("other.Handlers", """
        package other;

        import com.weegigs.events.annotations.*;

        public final class Handlers {
          @CommandHandler
          static String nothing(String text) {
            return text;
          }
        }
        """);
    Recorded together = Recorded.compile(both);
    assertThat(together.compilation()).failed();
    assertThat(together.compilation()).hadErrorCount(1);
    assertThat(together.compilation()).hadErrorContaining("[WEE-303] @CommandHandler Handlers.nothing(String) takes no @Command record")
        .inFile(both.file("other.Handlers")).onLineContaining("static String nothing(");
    assertThat(together.compilation()).hadWarningCount(1);
    assertThat(together.compilation()).hadWarningContaining(WARNING).inFile(both.file("test.Cart")).onLineContaining("public record Cart");
    assertEquals(alone.sources(), together.sources());
  }

  /** Compiles {@code domain}, where Bill is in {@code pkg}: exactly Bill's error and Cart's warning. */
  private static Recorded compileWithBill(Domain domain, String pkg) {
    Recorded recorded = Recorded.compile(domain);
    Compilation compilation = recorded.compilation();
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[WEE-401] event BillOpened of Bill has no @Reducer")
        .inFile(domain.file(pkg + ".BillOpened")).onLineContaining("public record BillOpened");
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation).hadWarningContaining(WARNING).inFile(domain.file("test.Cart")).onLineContaining("public record Cart");
    return recorded;
  }

  private static Domain cart() {
    return Domain.valid().with("test.Cart", CART_WITHOUT_CREATION);
  }

  @Test
  void anotherServicesBrokenAggregateChangesNothing() {
    Recorded alone = Recorded.compile(cart());
    assertThat(alone.compilation()).succeeded();
    assertThat(alone.compilation()).hadWarningCount(1);
    assertThat(alone.compilation()).hadWarningContaining(WARNING);

    Domain both = withBrokenBill(cart(), "ledger").with("ledger.package-info", """
        @Service(name = "ledger", version = "1.0.0")
        package ledger;

        import com.weegigs.events.annotations.Service;
        """);
    Recorded together = compileWithBill(both, "ledger");
    assertEquals(alone.sources(), together.generated(name -> name.startsWith("test.")));
    assertEquals(Map.of(), together.generated(name -> name.startsWith("ledger.")));
  }

  @Test
  void aBrokenAggregateOfTheSameServiceLeavesTheOthersFilesAlone() {
    Recorded alone = Recorded.compile(cart());
    Domain both = withBrokenBill(cart(), "test");
    Recorded together = compileWithBill(both, "test");
    // The service descriptor lists every aggregate of the service, so it waits for Bill to be fixed.
    assertTrue(alone.sources().containsKey("test.ShopService"));
    assertEquals(alone.generated(name -> !name.equals("test.ShopService")), together.sources());
  }

  /** Compiles {@code domain} with the processor, recording the sources it writes. */
  private record Recorded(Compilation compilation, Map<String, String> sources) {
    static Recorded compile(Domain domain) {
      Map<String, String> sources = new TreeMap<>();
      Compilation compilation = javac()
          .withProcessors(new Wrapped(new WeeEventsProcessor(), "getFiler", filer -> recording((Filer) filer, sources)))
          .compile(domain.sources());
      return new Recorded(compilation, sources);
    }

    /** The recorded sources whose qualified names pass {@code filter}. */
    Map<String, String> generated(Predicate<String> filter) {
      Map<String, String> selected = new TreeMap<>(sources);
      selected.keySet().removeIf(filter.negate());
      return selected;
    }
  }

  /** A {@link Filer} that keeps the text of every source file it writes (also when compilation fails) in {@code sources}. */
  private static Filer recording(Filer filer, Map<String, String> sources) {
    return Wrapped.proxy(Filer.class, filer, (method, arguments) -> {
      if (!method.getName().equals("createSourceFile")) {
        return null;
      }
      String typeName = arguments[0].toString();
      JavaFileObject file = (JavaFileObject) Wrapped.forward(method, filer, arguments);
      return new ForwardingJavaFileObject<JavaFileObject>(file) {
        @Override
        public Writer openWriter() throws IOException {
          Writer target = super.openWriter();
          StringWriter copy = new StringWriter();
          return new Writer() {
            @Override
            public void write(char[] buffer, int offset, int length) throws IOException {
              target.write(buffer, offset, length);
              copy.write(buffer, offset, length);
            }

            @Override
            public void flush() throws IOException {
              target.flush();
            }

            @Override
            public void close() throws IOException {
              target.close();
              sources.put(typeName, copy.toString());
            }
          };
        }
      };
    });
  }
}
