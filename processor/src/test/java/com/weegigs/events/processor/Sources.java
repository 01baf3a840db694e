package com.weegigs.events.processor;

/** The sources of the valid test domain ({@link Domain#valid()}), for tests to change. */
final class Sources {
  /** {@code test.package-info}. */
  static final String SERVICE = """
            @Service(name = "shop", version = "1.0.0")
            package test;

            import com.weegigs.events.annotations.Service;
            """;

  /** {@code test.Cart}. */
  static final String CART = """
            package test;

            import com.weegigs.events.annotations.*;

            @Aggregate
            public record Cart(String id, int count) {
              @Initial
              static Cart open(String key) {
                return new Cart(key, 0);
              }

              @Reducer
              Cart on(ItemAdded event) {
                return new Cart(id, count + 1);
              }
            }
            """;

  /** {@code test.AddItem}. */
  static final String ADD_ITEM = """
            package test;

            import com.weegigs.events.annotations.*;
            import jakarta.validation.constraints.*;

            @Command(aggregate = Cart.class)
            public record AddItem(@NotBlank String name) {}
            """;

  /** {@code test.ItemAdded}. */
  static final String ITEM_ADDED = """
            package test;

            import com.weegigs.events.annotations.*;

            @Event(aggregate = Cart.class)
            public record ItemAdded(String name) {}
            """;

  /** {@code test.CartHandlers}. */
  static final String CART_HANDLERS = """
            package test;

            import com.weegigs.events.annotations.*;

            public final class CartHandlers {
              @CommandHandler
              ItemAdded addItem(Cart state, AddItem command) {
                return new ItemAdded(command.name());
              }
            }
            """;

  private Sources() {}
}
