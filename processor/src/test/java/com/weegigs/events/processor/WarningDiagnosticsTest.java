package com.weegigs.events.processor;

import static com.weegigs.events.processor.Expect.onlyWarning;

import org.junit.jupiter.api.Test;

/** Warnings: likely mistakes that still work (WEE-9xx). The generated code still compiles. */
class WarningDiagnosticsTest {
  @Test
  @Covers(Message.EVENTS_WITHOUT_COMMANDS)
  void eventsNoCommandCanRecord() {
    Domain domain = Domain.valid().without("test.AddItem").without("test.CartHandlers");
    onlyWarning(domain, "[WEE-901] Cart has events (ItemAdded) but no command, so none of them is ever recorded; add a"
        + " record `@Command(aggregate = Cart.class)` and its @CommandHandler", "test.Cart", "public record Cart");
  }

  @Test
  @Covers(Message.VALID_WITHOUT_EFFECT)
  void validOnAString() {
    Domain domain = Domain.valid().with("test.AddItem", """
        package test;

        import com.weegigs.events.annotations.*;
        import jakarta.validation.Valid;
        import jakarta.validation.constraints.*;

        @Command(aggregate = Cart.class)
        public record AddItem(
            @Valid @NotBlank String name) {}
        """);
    onlyWarning(domain, "[WEE-902] @Valid on component name of AddItem has no effect: String holds no record to validate;"
        + " remove @Valid", "test.AddItem", "@Valid @NotBlank String name");
  }

  @Test
  @Covers(Message.CONSTRAINTS_NOT_CASCADED)
  void nestedConstraintsWithoutValid() {
    Domain domain = Domain.valid()
        .with("test.Line", """
            package test;

            import jakarta.validation.constraints.*;

            public record Line(@NotBlank String sku, @Min(1) int quantity) {}
            """)
        .with("test.AddItem", """
            package test;

            import com.weegigs.events.annotations.*;
            import jakarta.validation.constraints.*;
            import java.util.List;

            @Command(aggregate = Cart.class)
            public record AddItem(@NotBlank String name,
                List<Line> lines) {}
            """);
    onlyWarning(domain, "[WEE-903] component lines of command AddItem holds Line, whose constraints are only checked with"
        + " @Valid; annotate the component @Valid, or remove the constraints from Line", "test.AddItem",
        "List<Line> lines");
  }

  @Test
  @Covers(Message.NO_CREATING_HANDLER)
  void aggregateNoCommandCanCreate() {
    Domain domain = Domain.valid().with("test.Cart", """
        package test;

        import com.weegigs.events.annotations.*;

        @Aggregate
        public record Cart(String id, int count) {
          @Reducer
          static Cart on(ItemAdded event) {
            return new Cart(event.name(), 1);
          }
        }
        """);
    onlyWarning(domain, "[WEE-904] no command can create Cart: it has no @Initial factory and no creating handler, so every"
        + " command answers NOT_FOUND; add a handler without a state parameter, such as `@CommandHandler static SomeEvent"
        + " create(AddItem command)`, or an @Initial factory", "test.Cart", "public record Cart");
  }
}
