package com.weegigs.events.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/** Independent problems are all reported in one compilation, each once (and nothing else: no error from generated code). */
class IndependentProblemsTest {
  @Test
  void everyIndependentProblemAtOnce() {
    Domain domain = Domain.valid()
        .with("test.AddItem", """
            package test;

            import com.weegigs.events.annotations.*;
            import jakarta.validation.constraints.*;

            @Command(aggregate = Cart.class)
            public record AddItem(@NotBlank String name,
                Object extra) {}
            """)
        .with("test.CartHandlers", """
            package test;

            import com.weegigs.events.annotations.*;

            public final class CartHandlers {
              @CommandHandler
              private ItemAdded addItem(Cart state, AddItem command) {
                return new ItemAdded(command.name());
              }
            }
            """)
        .with("test.ItemRemoved", """
            package test;

            import com.weegigs.events.annotations.*;

            @Event(aggregate = Cart.class)
            public record ItemRemoved(String name) {}
            """);
    Compilation compilation = domain.compile();
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(3);
    assertThat(compilation).hadErrorContaining("[WEE-307]").inFile(domain.file("test.CartHandlers"))
        .onLineContaining("private ItemAdded addItem(");
    assertThat(compilation).hadErrorContaining("[WEE-401] event ItemRemoved").inFile(domain.file("test.ItemRemoved"))
        .onLineContaining("public record ItemRemoved");
    assertThat(compilation).hadErrorContaining("[WEE-504] component extra of AddItem").inFile(domain.file("test.AddItem"))
        .onLineContaining("Object extra");
  }

  @Test
  void missingAggregateAttributeIsLeftToJavac() {
    Domain domain = Domain.valid().with("test.AddItem", """
        package test;

        import com.weegigs.events.annotations.*;

        @Command
        public record AddItem(String name) {}
        """);
    Compilation compilation = domain.compile();
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("aggregate").inFile(domain.file("test.AddItem")).onLineContaining("@Command");
  }
}
