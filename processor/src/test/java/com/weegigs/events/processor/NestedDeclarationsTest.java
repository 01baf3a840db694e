package com.weegigs.events.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * Commands, events and handlers declared inside the aggregate record (a common style) work like
 * top-level ones: nested records are static, and the state is the receiver of instance handlers.
 */
class NestedDeclarationsTest {
  @Test
  void everythingInsideTheAggregate() {
    Domain domain = Domain.valid().without("test.AddItem").without("test.ItemAdded").without("test.CartHandlers")
        .with("test.Cart", """
            package test;

            import com.weegigs.events.annotations.*;
            import jakarta.validation.constraints.*;
            import java.util.List;

            @Aggregate
            public record Cart(String id, List<Line> lines) {
              public record Line(String sku, int quantity) {}

              @Command(aggregate = Cart.class)
              public record AddLine(@NotBlank String sku, @Min(1) int quantity) {}

              @Event(aggregate = Cart.class)
              public record LineAdded(String sku, int quantity) {}

              @Initial
              static Cart open(String key) {
                return new Cart(key, List.of());
              }

              @Reducer
              Cart on(LineAdded event) {
                return new Cart(id, List.of(new Line(event.sku(), event.quantity())));
              }

              @CommandHandler
              LineAdded add(AddLine command) {
                return new LineAdded(command.sku(), command.quantity());
              }
            }
            """);
    Compilation compilation = domain.compile();
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.CartStub");
    assertThat(compilation).generatedSourceFile("test.CartCodecs");
  }
}
