package com.weegigs.events.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * The throws clauses the processor accepts make code that compiles with every lint and
 * {@code -Werror}: a command handler may throw anything (the runtime's {@code CommandHandler}
 * declares {@code throws Exception}), and a reducer or initial factory may declare unchecked
 * exceptions (checked ones are WEE-412, in {@link ReducerDiagnosticsTest}).
 */
class ThrowsClausesTest {
  private static Compilation compileStrictly(Domain domain) {
    return javac()
        .withProcessors(new WeeEventsProcessor())
        .withOptions("-Xlint:all,-processing", "-Werror")
        .compile(domain.sources());
  }

  @Test
  void handlerDeclaringThrowsException() {
    Domain domain = Domain.valid().with("test.CartHandlers", """
        package test;

        import com.weegigs.events.annotations.*;

        public final class CartHandlers {
          @CommandHandler
          ItemAdded addItem(Cart state, AddItem command) throws Exception {
            if (command.name().equals("broken")) {
              throw new java.io.IOException("the catalogue is unreachable");
            }
            return new ItemAdded(command.name());
          }
        }
        """);
    Compilation compilation = compileStrictly(domain);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.CartStub");
  }

  @Test
  void creatingHandlerAndAggregateHandlerDeclaringCheckedExceptions() {
    Domain domain = Domain.valid()
        .with("test.Cart", """
            package test;

            import com.weegigs.events.annotations.*;

            @Aggregate
            public record Cart(String id, int count) {
              @Reducer
              static Cart on(ItemAdded event) {
                return new Cart(event.name(), 1);
              }

              @Reducer
              Cart on(ItemRemoved event) {
                return new Cart(id, count - 1);
              }

              @CommandHandler
              ItemRemoved removeItem(RemoveItem command) throws java.io.IOException, InterruptedException {
                return new ItemRemoved(command.name());
              }
            }
            """)
        .with("test.RemoveItem", """
            package test;

            import com.weegigs.events.annotations.*;

            @Command(aggregate = Cart.class)
            public record RemoveItem(String name) {}
            """)
        .with("test.ItemRemoved", """
            package test;

            import com.weegigs.events.annotations.*;

            @Event(aggregate = Cart.class)
            public record ItemRemoved(String name) {}
            """)
        .with("test.CartHandlers", """
            package test;

            import com.weegigs.events.annotations.*;

            public final class CartHandlers {
              @CommandHandler
              static ItemAdded addItem(AddItem command) throws Exception {
                return new ItemAdded(command.name());
              }
            }
            """);
    Compilation compilation = compileStrictly(domain);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.CartStub");
  }

  @Test
  void reducerAndInitialDeclaringUncheckedExceptions() {
    Domain domain = Domain.valid().with("test.Cart", """
        package test;

        import com.weegigs.events.annotations.*;

        @Aggregate
        public record Cart(String id, int count) {
          @Initial
          static Cart open(String key) throws IllegalArgumentException {
            return new Cart(key, 0);
          }

          @Reducer
          Cart on(ItemAdded event) throws IllegalStateException, AssertionError {
            return new Cart(id, count + 1);
          }
        }
        """);
    Compilation compilation = compileStrictly(domain);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.CartStub");
  }
}
