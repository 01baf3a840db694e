package com.weegigs.events.processor;

import static com.weegigs.events.processor.Expect.onlyError;

import org.junit.jupiter.api.Test;

/** Names, versions and collisions: WEE-1xx and WEE-2xx. */
class NameDiagnosticsTest {
  private static final String RULE = "lower-case letters, digits and '-', starting with a letter, 1 to 50 characters";

  @Test
  @Covers(Message.INVALID_SERVICE_NAME)
  void serviceNameWithDot() {
    Domain domain = Domain.valid().with("test.package-info", """
        @Service(name = "shop.orders", version = "1.0.0")
        package test;

        import com.weegigs.events.annotations.Service;
        """);
    onlyError(domain, "[WEE-101] service name \"shop.orders\" is not valid: it contains '.'; use " + RULE
        + ", such as \"shop-orders\"", "test.package-info", "\"shop.orders\"");
  }

  @Test
  @Covers(Message.INVALID_SERVICE_VERSION)
  void versionNotSemver() {
    Domain domain = Domain.valid().with("test.package-info", """
        @Service(name = "shop",
            version = "1.0")
        package test;

        import com.weegigs.events.annotations.Service;
        """);
    onlyError(domain, "[WEE-102] service version \"1.0\" is not a semantic version; use MAJOR.MINOR.PATCH with an"
        + " optional lower-case pre-release, such as \"1.0.0\" or \"2.1.0-rc.1\"", "test.package-info", "version = \"1.0\"");
  }

  @Test
  @Covers(Message.INVALID_AGGREGATE_TYPE)
  void aggregateTypeWithUpperCase() {
    Domain domain = Domain.valid().with("test.Cart", Sources.CART.replace("@Aggregate", "@Aggregate(type = \"Cart\")"));
    onlyError(domain, "[WEE-103] aggregate type \"Cart\" of Cart is not valid: it contains upper case; set"
        + " @Aggregate(type = ...) to " + RULE + ", such as \"cart\"", "test.Cart", "@Aggregate(type = \"Cart\")");
  }

  @Test
  @Covers(Message.INVALID_COMMAND_NAME)
  void commandNameWithSpace() {
    Domain domain = Domain.valid().with("test.AddItem", """
        package test;

        import com.weegigs.events.annotations.*;

        @Command(name = "add item", aggregate = Cart.class)
        public record AddItem(String name) {}
        """);
    onlyError(domain, "[WEE-104] command name \"add item\" of AddItem is not valid: it contains a space; set"
        + " @Command(name = ...) to " + RULE + ", such as \"add-item\"", "test.AddItem", "\"add item\"");
  }

  @Test
  @Covers(Message.INVALID_COMMAND_NAME)
  void derivedCommandNameTooLong() {
    String longName = "AddItemToTheCartBecauseTheCustomerReallyWantsItNowPlease";
    Domain domain = Domain.valid()
        .without("test.AddItem")
        .with("test." + longName, """
            package test;

            import com.weegigs.events.annotations.*;

            @Command(aggregate = Cart.class)
            public record %s(String name) {}
            """.formatted(longName))
        .with("test.CartHandlers", Sources.CART_HANDLERS.replace("AddItem command", longName + " command"));
    onlyError(domain, "[WEE-104] command name \"add-item-to-the-cart-because-the-customer-really-wants-it-now-please\" of "
        + longName + " is not valid: it has 68 characters, more than 50; set @Command(name = ...) to " + RULE
        + ", such as \"add-item-to-the-cart-because-the-customer-really\"", "test." + longName,
        "@Command(aggregate = Cart.class)");
  }

  @Test
  @Covers(Message.INVALID_EVENT_NAME)
  void eventNameWithWildcard() {
    Domain domain = Domain.valid().with("test.ItemAdded", """
        package test;

        import com.weegigs.events.annotations.*;

        @Event(aggregate = Cart.class, name = "item>added")
        public record ItemAdded(String name) {}
        """);
    onlyError(domain, "[WEE-105] event name \"item>added\" of ItemAdded is not valid: it contains '>'; set"
        + " @Event(name = ...) to " + RULE + ", such as \"item-added\"", "test.ItemAdded", "\"item>added\"");
  }

  @Test
  @Covers(Message.DUPLICATE_COMMAND_NAME)
  void explicitNameCollidesWithDerivedOne() {
    Domain domain = Domain.valid()
        .with("test.PutItem", """
            package test;

            import com.weegigs.events.annotations.*;

            @Command(aggregate = Cart.class, name = "add-item")
            public record PutItem(String name) {}
            """)
        .with("test.PutHandlers", """
            package test;

            import com.weegigs.events.annotations.*;

            final class PutHandlers {
              @CommandHandler
              static ItemAdded put(Cart state, PutItem command) {
                return new ItemAdded(command.name());
              }
            }
            """);
    onlyError(domain, "[WEE-201] commands AddItem and PutItem of Cart both have the wire name \"add-item\"; give one of"
        + " them another name with @Command(name = ...)", "test.PutItem", "name = \"add-item\"");
  }

  @Test
  @Covers(Message.DUPLICATE_EVENT_NAME)
  void twoEventsWithOneName() {
    Domain domain = Domain.valid()
        .with("test.ItemPut", """
            package test;

            import com.weegigs.events.annotations.*;

            @Event(aggregate = Cart.class, name = "item-added")
            public record ItemPut(String name) {}
            """)
        .with("test.Cart", Sources.CART.replace("}\n}", "}\n\n  @Reducer\n  Cart on(ItemPut event) {\n    return this;\n  }\n}"));
    onlyError(domain, "[WEE-202] events ItemAdded and ItemPut of Cart both have the wire name \"item-added\"; give one of"
        + " them another name with @Event(name = ...)", "test.ItemPut", "name = \"item-added\"");
  }

  @Test
  @Covers(Message.DUPLICATE_AGGREGATE_TYPE)
  void twoAggregatesWithOneType() {
    Domain domain = Domain.valid().with("test.Basket", """
        package test;

        import com.weegigs.events.annotations.*;

        @Aggregate(type = "cart")
        public record Basket(String id) {
          @Initial
          static Basket open(String key) {
            return new Basket(key);
          }
        }
        """);
    onlyError(domain, "[WEE-203] aggregates Basket and Cart of service \"shop\" both have the type \"cart\"; give one of"
        + " them another type with @Aggregate(type = ...)", "test.Cart", "@Aggregate");
  }

  @Test
  @Covers(Message.DUPLICATE_SERVICE)
  void oneServiceNameOnTwoPackages() {
    Domain domain = Domain.valid().with("test.more.package-info", """
        @Service(name = "shop", version = "2.0.0")
        package test.more;

        import com.weegigs.events.annotations.Service;
        """);
    onlyError(domain, "[WEE-204] service \"shop\" is declared twice, on package test and on package test.more; a service"
        + " is declared once: rename one of them, or remove this @Service so the package belongs to the other",
        "test.more.package-info", "name = \"shop\"");
  }

  @Test
  @Covers(Message.GENERATED_NAME_CLASH)
  void generatedNameTaken() {
    Domain domain = Domain.valid().with("test.CartClient", """
        package test;

        public class CartClient {}
        """);
    onlyError(domain, "[WEE-205] the type CartClient that wee-events generates for Cart clashes with the existing class"
        + " CartClient; rename that class, or the aggregate record Cart", "test.Cart", "public record Cart");
  }
}
