package com.weegigs.events.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.weegigs.events.processor.Expect.onlyError;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/** Event consumers: WEE-10xx, each on the exact element, one error per mistake. */
class EventHandlerDiagnosticsTest {
  /** The valid domain whose cart has two events, both of the sealed {@code CartEvent}, and {@code ItemAdded} also an {@code Addition}. */
  static Domain consumerDomain() {
    return Domain.valid()
        .with("test.Cart", Sources.CART.substring(0, Sources.CART.lastIndexOf('}')) + """

              @Reducer
              Cart on(ItemRemoved event) {
                return new Cart(id, count - 1);
              }
            }
            """)
        .with("test.CartEvent", """
            package test;

            public sealed interface CartEvent permits ItemAdded, ItemRemoved {}
            """)
        .with("test.Addition", """
            package test;

            public sealed interface Addition permits ItemAdded {}
            """)
        .with("test.ItemAdded", """
            package test;

            import com.weegigs.events.annotations.*;

            @Event(aggregate = Cart.class)
            public record ItemAdded(String name) implements CartEvent, Addition {}
            """)
        .with("test.ItemRemoved", """
            package test;

            import com.weegigs.events.annotations.*;

            @Event(aggregate = Cart.class)
            public record ItemRemoved(String name) implements CartEvent {}
            """);
  }

  static Domain withConsumer(String body) {
    return consumerDomain().with("test.Stock", """
        package test;

        import com.weegigs.events.annotations.*;
        import com.weegigs.events.runtime.RecordedEvent;

        public class Stock {
        %s
        }
        """.formatted(body));
  }

  /** {@code domain} with a second aggregate, {@code Till}, its event {@code Opened} and command {@code OpenTill}, in package {@code pkg}. */
  static Domain withTill(Domain domain, String pkg) {
    return domain
        .with(pkg + ".Till", """
            package %s;

            import com.weegigs.events.annotations.*;

            @Aggregate
            public record Till(String id) {
              @Initial
              static Till open(String key) {
                return new Till(key);
              }

              @Reducer
              Till on(Opened event) {
                return this;
              }

              @CommandHandler
              Opened open(OpenTill command) {
                return new Opened();
              }
            }
            """.formatted(pkg))
        .with(pkg + ".Opened", """
            package %s;

            @com.weegigs.events.annotations.Event(aggregate = Till.class)
            public record Opened() {}
            """.formatted(pkg))
        .with(pkg + ".OpenTill", """
            package %s;

            @com.weegigs.events.annotations.Command(aggregate = Till.class)
            public record OpenTill() {}
            """.formatted(pkg));
  }

  @Test
  @Covers(Message.EVENT_HANDLER_BAD_PARAMETERS)
  void handlerWithTheWrongParameters() {
    onlyError(withConsumer("""
          @EventHandler
          void added(ItemAdded event, String extra) {}
        """), "[WEE-1001] @EventHandler Stock.added(ItemAdded, String) has the parameters (ItemAdded, String); declare"
        + " `void added(SomeEvent event)`, optionally followed by `RecordedEvent<SomeEvent> recorded`, where SomeEvent is an"
        + " @Event record or the sealed interface of an aggregate's events", "test.Stock", "void added(");
  }

  @Test
  void aRecordedEventOfAnotherEventIsTheWrongParameter() {
    onlyError(withConsumer("""
          @EventHandler
          void added(ItemAdded event, RecordedEvent<ItemRemoved> recorded) {}
        """), "[WEE-1001] @EventHandler Stock.added(ItemAdded, RecordedEvent<ItemRemoved>) has the parameters", "test.Stock",
        "void added(");
  }

  @Test
  @Covers(Message.EVENT_HANDLER_NOT_AN_EVENT)
  void handlerOfARecordThatIsNoEvent() {
    onlyError(withConsumer("""
          record Shelved(String name) {}

          @EventHandler
          void shelved(Shelved event) {}
        """), "[WEE-1002] @EventHandler Stock.shelved(Shelved) takes Shelved, which is neither an @Event record nor the sealed"
        + " interface of an aggregate's events; is Shelved missing @Event(aggregate = ...)?", "test.Stock", "void shelved(");
  }

  @Test
  void handlerOfAnInterfaceThatIsNoEventsInterface() {
    onlyError(withConsumer("""
          @EventHandler
          void any(Runnable event) {}
        """), "[WEE-1002] @EventHandler Stock.any(Runnable) takes Runnable, which is neither an @Event record nor the sealed"
        + " interface of an aggregate's events; take one @Event record, or the sealed interface that the events of one"
        + " aggregate implement", "test.Stock", "void any(");
  }

  @Test
  @Covers(Message.EVENT_HANDLER_BAD_RETURN)
  void handlerReturningSomething() {
    onlyError(withConsumer("""
          @EventHandler
          boolean added(ItemAdded event) {
            return true;
          }
        """), "[WEE-1003] @EventHandler Stock.added(ItemAdded) returns boolean, which nothing receives; declare it void",
        "test.Stock", "boolean added(");
  }

  @Test
  @Covers(Message.INVALID_DURABLE_NAME)
  void invalidDurableName() {
    onlyError(withConsumer("""
          @EventHandler(durable = "Stock_Keeper")
          void added(ItemAdded event) {}
        """), "[WEE-1004] durable name \"Stock_Keeper\" of @EventHandler Stock.added(ItemAdded) is not valid:",
        "test.Stock", "durable = \"Stock_Keeper\"");
  }

  @Test
  @Covers(Message.DUPLICATE_DURABLE_NAME)
  void oneDurableNameForTwoHandlers() {
    onlyError(withConsumer("""
          @EventHandler(durable = "stock")
          void added(ItemAdded event) {}

          @EventHandler(start = EventHandler.Start.BEGINNING, durable = "stock")
          void removed(ItemRemoved event) {}
        """), "[WEE-1005] durable name \"stock\" of @EventHandler Stock.removed(ItemRemoved) (events of Cart) is already the"
        + " name of Stock.added(ItemAdded) (events of Cart); a durable subscriber is one handler method of one aggregate:"
        + " give this one another name", "test.Stock", "BEGINNING, durable = \"stock\"");
  }

  @Test
  void oneDurableNameForTwoAggregates() {
    Domain domain = withConsumer("""
          @EventHandler(durable = "stock")
          void added(ItemAdded event) {}

          @EventHandler(start = EventHandler.Start.BEGINNING, durable = "stock")
          void opened(Opened event) {}
        """);
    domain = withTill(domain, "test");
    onlyError(domain, "[WEE-1005] durable name \"stock\" of @EventHandler Stock.opened(Opened) (events of Till) is already the"
        + " name of Stock.added(ItemAdded) (events of Cart)", "test.Stock", "BEGINNING, durable = \"stock\"");
  }

  @Test
  @Covers(Message.START_WITHOUT_DURABLE)
  void startOnALiveHandler() {
    onlyError(withConsumer("""
          @EventHandler(start = EventHandler.Start.NOW)
          void added(ItemAdded event) {}
        """), "[WEE-1006] @EventHandler Stock.added(ItemAdded) sets start, which only a durable subscriber has; add durable ="
        + " \"...\" to subscribe durably, or remove start", "test.Stock", "start = EventHandler.Start.NOW");
  }

  @Test
  @Covers(Message.EVENT_HANDLER_PRIVATE)
  void privateHandler() {
    onlyError(withConsumer("""
          @EventHandler
          private void added(ItemAdded event) {}
        """), "[WEE-1007] @EventHandler Stock.added(ItemAdded) is private, so the generated StockSubscriptions cannot call it;"
        + " make it package-private or public", "test.Stock", "private void added(");
  }

  @Test
  @Covers(Message.EVENT_HANDLER_STATIC)
  void staticHandler() {
    onlyError(withConsumer("""
          @EventHandler
          static void added(ItemAdded event) {}
        """), "[WEE-1008] @EventHandler Stock.added(ItemAdded) is static; the generated StockSubscriptions calls the handlers of"
        + " the instance it is given: make it an instance method", "test.Stock", "static void added(");
  }

  @Test
  @Covers(Message.EVENT_HANDLER_GENERIC)
  void genericHandler() {
    onlyError(withConsumer("""
          @EventHandler
          <T> void added(ItemAdded event) {}
        """), "[WEE-1009] @EventHandler Stock.added(ItemAdded) declares type parameters <T>; the generated code calls it with"
        + " concrete types: remove the type parameters", "test.Stock", "void added(");
  }

  @Test
  @Covers(Message.EVENT_HANDLER_PARTIAL_INTERFACE)
  void handlerOfAnInterfaceSomeEventsImplement() {
    onlyError(withConsumer("""
          @EventHandler
          void additions(Addition event) {}
        """), "[WEE-1010] @EventHandler Stock.additions(Addition) takes Addition, which is not the type all events of Cart share"
        + " (CartEvent); take CartEvent for every event of Cart, or one @Event record", "test.Stock", "Addition event");
  }

  @Test
  @Covers(Message.EVENT_HANDLER_CLASS_NOT_ACCESSIBLE)
  void privateHandlerClass() {
    onlyError(withConsumer("""
          private static final class Inner {
            @EventHandler
            void added(ItemAdded event) {}
          }
        """), "[WEE-1012] class Inner holds @EventHandler methods but is private, so the generated InnerSubscriptions cannot use"
        + " it; make it package-private or public", "test.Stock", "class Inner");
  }

  @Test
  @Covers(Message.EVENT_HANDLER_CLASS_GENERIC)
  void genericHandlerClass() {
    onlyError(consumerDomain().with("test.Stock", """
        package test;

        import com.weegigs.events.annotations.*;

        public class Stock<T> {
          @EventHandler
          void added(ItemAdded event) {}
        }
        """), "[WEE-1013] Stock holds @EventHandler methods but declares type parameters <T>; the generated StockSubscriptions"
        + " takes one concrete instance: move the handlers to a class without type parameters", "test.Stock",
        "public class Stock<T>");
  }

  @Test
  @Covers(Message.EVENT_HANDLERS_OF_TWO_SERVICES)
  void handlersOfOneClassForTwoServices() {
    Domain domain = withConsumer("""
          @EventHandler
          void added(ItemAdded event) {}

          @EventHandler
          void opened(tills.Opened event) {}
        """)
        .with("tills.package-info", """
            @Service(name = "tills", version = "1.0.0")
            package tills;

            import com.weegigs.events.annotations.Service;
            """);
    domain = withTill(domain, "tills");
    onlyError(domain, "[WEE-1014] @EventHandler Stock.opened(Opened) receives events of Till, of service \"tills\", but"
        + " Stock.added(ItemAdded) of the same class receives those of service \"shop\"; the generated StockSubscriptions"
        + " subscribes through one ServiceClient, so the handlers of a class receive the events of one service: move this"
        + " handler to a class of its own", "test.Stock", "void opened(");
  }

  @Test
  @Covers(Message.SUBSCRIPTIONS_NAME_TAKEN)
  void theNameOfTheSubscriptionsIsTaken() {
    onlyError(withConsumer("""
          @EventHandler
          void added(ItemAdded event) {}
        """).with("test.StockSubscriptions", """
        package test;

        public interface StockSubscriptions {}
        """), "[WEE-1015] the type StockSubscriptions that wee-events generates for the @EventHandler methods of Stock clashes"
        + " with the existing interface StockSubscriptions; rename that interface, or the class Stock", "test.Stock",
        "public class Stock");
  }

  @Test
  void independentMistakesAreEachReported() {
    Compilation compilation = withConsumer("""
          @EventHandler(durable = "Bad Name")
          private int added(ItemAdded event) {
            return 0;
          }
        """).compile();
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(3);
  }
}
