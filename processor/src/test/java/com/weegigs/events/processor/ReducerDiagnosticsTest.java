package com.weegigs.events.processor;

import static com.weegigs.events.processor.Expect.onlyError;

import org.junit.jupiter.api.Test;

/** Reducers and the initial state: WEE-4xx. */
class ReducerDiagnosticsTest {
  private static Domain withCart(String members) {
    return Domain.valid().with("test.Cart", """
        package test;

        import com.weegigs.events.annotations.*;

        @Aggregate
        public record Cart(String id, int count) {
        %s
        }
        """.formatted(members));
  }

  private static final String INITIAL = """
        @Initial
        static Cart open(String key) {
          return new Cart(key, 0);
        }
      """;

  private static final String REDUCER = """
        @Reducer
        Cart on(ItemAdded event) {
          return new Cart(id, count + 1);
        }
      """;

  @Test
  @Covers(Message.EVENT_WITHOUT_REDUCER)
  void eventWithoutReducer() {
    Domain domain = withCart(INITIAL);
    onlyError(domain, "[WEE-401] event ItemAdded of Cart has no @Reducer; add `@Reducer Cart on(ItemAdded event)` to Cart",
        "test.ItemAdded", "public record ItemAdded");
  }

  @Test
  @Covers(Message.DUPLICATE_REDUCER)
  void eventWithTwoReducers() {
    Domain domain = withCart(INITIAL + REDUCER + """
          @Reducer
          Cart apply(ItemAdded event) {
            return this;
          }
        """);
    onlyError(domain, "[WEE-402] event ItemAdded already has a @Reducer, Cart.on(ItemAdded); an event has exactly one"
        + " reducer: remove one of them", "test.Cart", "Cart apply(");
  }

  @Test
  @Covers(Message.REDUCER_BAD_RETURN)
  void reducerReturningSomethingElse() {
    Domain domain = withCart(INITIAL + """
          @Reducer
          String on(ItemAdded event) {
            return event.name();
          }
        """);
    onlyError(domain, "[WEE-403] @Reducer Cart.on(ItemAdded) returns String; a reducer returns the next state: change"
        + " the return type to Cart", "test.Cart", "String on(");
  }

  @Test
  @Covers(Message.REDUCER_BAD_PARAMETERS)
  void reducerWithTwoParameters() {
    Domain domain = withCart(INITIAL + """
          @Reducer
          Cart on(ItemAdded event, int times) {
            return this;
          }
        """);
    onlyError(domain, "[WEE-404] @Reducer Cart.on(ItemAdded, int) has the parameters (ItemAdded, int); a reducer of Cart"
        + " takes exactly one @Event of Cart: declare `Cart on(ItemAdded event)`", "test.Cart", "int times");
  }

  @Test
  @Covers(Message.REDUCER_NOT_ON_AGGREGATE)
  void reducerOutsideTheAggregate() {
    Domain domain = withCart(INITIAL).with("test.CartReducers", """
        package test;

        import com.weegigs.events.annotations.*;

        final class CartReducers {
          @Reducer
          static Cart on(Cart state, ItemAdded event) {
            return state;
          }
        }
        """);
    onlyError(domain, "[WEE-405] @Reducer CartReducers.on(Cart, ItemAdded) is declared in CartReducers, which is not an"
        + " @Aggregate record; move it into the aggregate record whose state it returns (ItemAdded is an event of Cart)",
        "test.CartReducers", "static Cart on(");
  }

  @Test
  @Covers(Message.STATIC_REDUCER_WITH_INITIAL)
  void staticReducerWithInitialState() {
    Domain domain = withCart(INITIAL + """
          @Reducer
          static Cart on(ItemAdded event) {
            return new Cart("", 1);
          }
        """);
    onlyError(domain, "[WEE-406] @Reducer Cart.on(ItemAdded) is static, but Cart has an @Initial state, so every event"
        + " applies to a state: make it an instance method `Cart on(ItemAdded event)`, or remove @Initial Cart.open(String)",
        "test.Cart", "static Cart on(");
  }

  @Test
  @Covers(Message.INITIAL_BAD_SIGNATURE)
  void initialNotStatic() {
    Domain domain = withCart(REDUCER + """
          @Initial
          Cart open(String key) {
            return new Cart(key, 0);
          }
        """);
    onlyError(domain, "[WEE-407] @Initial Cart.open(String) must be `static Cart open(String key)`; it is not static",
        "test.Cart", "Cart open(String key)");
  }

  @Test
  @Covers(Message.DUPLICATE_INITIAL)
  void twoInitialFactories() {
    Domain domain = withCart(INITIAL + REDUCER + """
          @Initial
          static Cart empty(String key) {
            return new Cart(key, 0);
          }
        """);
    onlyError(domain, "[WEE-408] Cart already has an @Initial factory, Cart.open(String); an aggregate has at most one:"
        + " remove one of them", "test.Cart", "static Cart empty(");
  }

  @Test
  @Covers(Message.INITIAL_NOT_ON_AGGREGATE)
  void initialOutsideTheAggregate() {
    Domain domain = Domain.valid().with("test.CartFactory", """
        package test;

        import com.weegigs.events.annotations.*;

        final class CartFactory {
          @Initial
          static Cart create(String key) {
            return new Cart(key, 0);
          }
        }
        """);
    onlyError(domain, "[WEE-409] @Initial CartFactory.create(String) is declared in CartFactory, which is not an"
        + " @Aggregate record; move it into the aggregate record it creates", "test.CartFactory", "static Cart create(");
  }

  @Test
  @Covers(Message.CREATING_EVENT_WITHOUT_CREATING_REDUCER)
  void creatingHandlerWhoseEventCannotStartTheState() {
    Domain domain = withCart("""
          @Reducer
          static Cart on(ItemRemoved event) {
            return new Cart("", 0);
          }

          @Reducer
          Cart on(ItemAdded event) {
            return new Cart(id, count + 1);
          }
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
              static ItemAdded addItem(AddItem command) {
                return new ItemAdded(command.name());
              }
            }
            """);
    onlyError(domain, "[WEE-411] creating @CommandHandler CartHandlers.addItem(AddItem) returns ItemAdded, but the @Reducer"
        + " of ItemAdded is not static, so it cannot start a Cart that has no events; make it a creating reducer"
        + " `@Reducer static Cart on(ItemAdded event)`", "test.CartHandlers", "static ItemAdded addItem(");
  }

  @Test
  @Covers(Message.NO_WAY_TO_EXIST)
  void neitherInitialNorCreatingReducer() {
    Domain domain = withCart(REDUCER);
    onlyError(domain, "[WEE-410] Cart has no @Initial factory and no static @Reducer, so no event can ever start its"
        + " state; add `@Initial static Cart initial(String key)` or a creating reducer `@Reducer static Cart"
        + " on(SomeEvent event)`", "test.Cart", "public record Cart");
  }

  @Test
  @Covers(Message.CHECKED_EXCEPTION_IN_REDUCER)
  void reducerDeclaringACheckedException() {
    Domain domain = withCart(INITIAL + """
          @Reducer
          Cart on(ItemAdded event) throws java.io.IOException, IllegalStateException {
            return new Cart(id, count + 1);
          }
        """);
    onlyError(domain, "[WEE-412] @Reducer Cart.on(ItemAdded) declares throws IOException; reducers and @Initial factories"
        + " are pure and must not throw checked exceptions: remove the throws clause, or catch IOException and wrap it in"
        + " an unchecked exception", "test.Cart", "Cart on(ItemAdded event) throws");
  }

  @Test
  @Covers(Message.CHECKED_EXCEPTION_IN_REDUCER)
  void creatingReducerDeclaringACheckedException() {
    Domain domain = withCart("""
          @Reducer
          static Cart on(ItemAdded event) throws Exception {
            return new Cart(event.name(), 1);
          }
        """).with("test.CartHandlers", """
            package test;

            import com.weegigs.events.annotations.*;

            public final class CartHandlers {
              @CommandHandler
              static ItemAdded addItem(AddItem command) {
                return new ItemAdded(command.name());
              }
            }
            """);
    onlyError(domain, "[WEE-412] @Reducer Cart.on(ItemAdded) declares throws Exception; reducers and @Initial factories"
        + " are pure and must not throw checked exceptions: remove the throws clause, or catch Exception and wrap it in"
        + " an unchecked exception", "test.Cart", "static Cart on(ItemAdded event) throws Exception");
  }

  @Test
  @Covers(Message.CHECKED_EXCEPTION_IN_REDUCER)
  void initialDeclaringCheckedExceptions() {
    Domain domain = withCart(REDUCER + """
          @Initial
          static Cart open(String key) throws java.io.IOException, InterruptedException {
            return new Cart(key, 0);
          }
        """);
    onlyError(domain, "[WEE-412] @Initial Cart.open(String) declares throws IOException, InterruptedException; reducers and"
        + " @Initial factories are pure and must not throw checked exceptions: remove the throws clause, or catch"
        + " IOException, InterruptedException and wrap it in an unchecked exception", "test.Cart", "static Cart open(String key) throws");
  }
}
