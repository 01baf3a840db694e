package com.weegigs.events.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Generated code suppresses deprecation warnings only when it must refer to something the user
 * deprecated, and then exactly the warnings that arise: a domain with a deprecated command, event,
 * handler, reducer, accessor, nested record and a type deprecated for removal compiles with every lint and
 * {@code -Werror}; the valid domain's generated code suppresses nothing. (The {@code processing} lint
 * is off: it warns that no processor claims the annotations, as ours deliberately claims none.)
 */
class DeprecatedDeclarationsTest {
  @Test
  void deprecatedDeclarationsCompileWithEveryLintAndWerror() throws IOException {
    Domain domain = Domain.valid()
        .with("test.Cart", """
            package test;

            import com.weegigs.events.annotations.*;

            @Aggregate
            @SuppressWarnings("removal")
            public record Cart(String id, int count, String legacy, Size size) {
              @Override
              @Deprecated
              public String legacy() {
                return legacy;
              }

              @Initial
              static Cart open(String key) {
                return new Cart(key, 0, null, Size.SMALL);
              }

              @Deprecated
              @Reducer
              Cart on(ItemAdded event) {
                return new Cart(id, count + 1, legacy, size);
              }
            }
            """)
        .with("test.Size", """
            package test;

            @Deprecated(forRemoval = true)
            public enum Size { SMALL, LARGE }
            """)
        .with("test.AddItem", """
            package test;

            import com.weegigs.events.annotations.*;
            import jakarta.validation.constraints.*;

            @Deprecated
            @Command(aggregate = Cart.class)
            public record AddItem(@NotBlank String name, Note note) {}
            """)
        .with("test.Note", """
            package test;

            @Deprecated
            public record Note(String text) {}
            """)
        .with("test.ItemAdded", """
            package test;

            import com.weegigs.events.annotations.*;

            @Deprecated
            @Event(aggregate = Cart.class)
            public record ItemAdded(String name) {}
            """)
        .with("test.CartHandlers", """
            package test;

            import com.weegigs.events.annotations.*;

            public final class CartHandlers {
              @Deprecated
              @CommandHandler
              ItemAdded addItem(Cart state, AddItem command) {
                return new ItemAdded(command.name());
              }
            }
            """);
    Compilation compilation = compile(domain);
    assertThat(compilation).succeededWithoutWarnings();
    Map<String, String> suppressions = suppressions(compilation);
    String both = "@SuppressWarnings({\"deprecation\", \"removal\"})";
    assertEquals(Map.of("CartClient", both, "CartCodecs", both, "CartStub", both, "CartValidators", both, "NatsCartClient", both,
        "CartFixture", both, "CartSubjects", "", "ShopService", ""), suppressions);
  }

  @Test
  void aCommandDeprecatedForRemovalSuppressesOnlyRemoval() throws IOException {
    Domain domain = Domain.valid()
        .with("test.AddItem", """
            package test;

            import com.weegigs.events.annotations.*;
            import jakarta.validation.constraints.*;

            @Deprecated(forRemoval = true)
            @Command(aggregate = Cart.class)
            public record AddItem(@NotBlank String name) {}
            """)
        .with("test.CartHandlers", """
            package test;

            import com.weegigs.events.annotations.*;

            @SuppressWarnings("removal")
            public final class CartHandlers {
              @CommandHandler
              ItemAdded addItem(Cart state, AddItem command) {
                return new ItemAdded(command.name());
              }
            }
            """);
    Compilation compilation = compile(domain);
    assertThat(compilation).succeededWithoutWarnings();
    assertEquals("@SuppressWarnings(\"removal\")", suppressions(compilation).get("CartCodecs"));
  }

  @Test
  void aDeprecatedClassOfStaticHandlersIsSuppressedWhereTheStubCallsIt() throws IOException {
    Domain domain = Domain.valid()
        .with("test.CartHandlers", """
            package test;

            import com.weegigs.events.annotations.*;

            @Deprecated
            public final class CartHandlers {
              private CartHandlers() {}

              @CommandHandler
              static ItemAdded addItem(Cart state, AddItem command) {
                return new ItemAdded(command.name());
              }
            }
            """);
    Compilation compilation = compile(domain);
    assertThat(compilation).succeededWithoutWarnings();
    assertEquals("@SuppressWarnings(\"deprecation\")", suppressions(compilation).get("CartStub"));
  }

  @Test
  void withoutDeprecatedDeclarationsNothingIsSuppressed() throws IOException {
    Compilation compilation = compile(Domain.valid());
    assertThat(compilation).succeededWithoutWarnings();
    for (Map.Entry<String, String> suppression : suppressions(compilation).entrySet()) {
      assertEquals("", suppression.getValue(), suppression.getKey());
    }
  }

  private static Compilation compile(Domain domain) {
    return javac().withProcessors(new WeeEventsProcessor()).withOptions("-Xlint:all,-processing", "-Werror").compile(domain.sources());
  }

  /** The {@code @SuppressWarnings} line of every generated type, by simple name; empty when it has none. */
  private static Map<String, String> suppressions(Compilation compilation) throws IOException {
    Map<String, String> suppressions = new TreeMap<>();
    for (JavaFileObject file : compilation.generatedSourceFiles()) {
      String name = file.getName().replaceAll(".*/", "").replace(".java", "");
      String text = file.getCharContent(true).toString();
      assertFalse(text.contains("@SuppressWarnings(") && !text.lines().anyMatch(l -> l.startsWith("@SuppressWarnings(")), name);
      suppressions.put(name, text.lines().filter(l -> l.startsWith("@SuppressWarnings(")).findFirst().orElse(""));
    }
    return suppressions;
  }
}
