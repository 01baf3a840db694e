package com.weegigs.events.processor;

import static com.weegigs.events.processor.Expect.onlyError;

import org.junit.jupiter.api.Test;

/** Command handlers: WEE-3xx. */
class HandlerDiagnosticsTest {
  private static Domain withHandlers(String body) {
    return Domain.valid().with("test.CartHandlers", """
        package test;

        import com.weegigs.events.annotations.*;
        import java.util.List;

        public final class CartHandlers {
        %s
        }
        """.formatted(body));
  }

  @Test
  @Covers(Message.COMMAND_WITHOUT_HANDLER)
  void commandWithoutHandler() {
    Domain domain = withHandlers("");
    onlyError(domain, "[WEE-301] command AddItem of Cart has no @CommandHandler; add a method such as"
        + " `@CommandHandler ItemAdded addItem(Cart state, AddItem command)` to Cart or to a handler class",
        "test.AddItem", "public record AddItem");
  }

  @Test
  @Covers(Message.DUPLICATE_HANDLER)
  void commandWithTwoHandlers() {
    Domain domain = withHandlers("""
          @CommandHandler
          ItemAdded addItem(Cart state, AddItem command) {
            return new ItemAdded(command.name());
          }

          @CommandHandler
          static ItemAdded addAgain(Cart state, AddItem command) {
            return new ItemAdded(command.name());
          }
        """);
    onlyError(domain, "[WEE-302] command AddItem already has a @CommandHandler, CartHandlers.addItem(Cart, AddItem); a"
        + " command has exactly one handler: remove one of them", "test.CartHandlers", "addAgain(");
  }

  @Test
  @Covers(Message.HANDLER_WITHOUT_COMMAND)
  void handlerWithoutCommand() {
    Domain domain = withHandlers("""
          @CommandHandler
          ItemAdded addItem(Cart state, AddItem command) {
            return new ItemAdded(command.name());
          }

          record Clear(String reason) {}

          @CommandHandler
          ItemAdded clear(Cart state, Clear command) {
            return new ItemAdded("");
          }
        """);
    onlyError(domain, "[WEE-303] @CommandHandler CartHandlers.clear(Cart, Clear) takes no @Command record; a handler takes"
        + " (State state, Cmd command[, CommandContext context]) where Cmd is annotated @Command; is Clear missing"
        + " @Command(aggregate = ...)?", "test.CartHandlers", "ItemAdded clear(");
  }

  @Test
  @Covers(Message.HANDLER_OF_OTHER_AGGREGATE)
  void handlerTakingAnotherAggregatesState() {
    Domain domain = withHandlers("""
          @CommandHandler
          ItemAdded addItem(Basket state, AddItem command) {
            return new ItemAdded(command.name());
          }
        """).with("test.Basket", """
        package test;

        import com.weegigs.events.annotations.*;

        @Aggregate
        public record Basket(String id) {
          @Initial
          static Basket open(String key) {
            return new Basket(key);
          }
        }
        """);
    onlyError(domain, "[WEE-304] @CommandHandler CartHandlers.addItem(Basket, AddItem) handles AddItem, a command of"
        + " Cart, but it takes the state of Basket; take the state of Cart, or handle a command of Basket",
        "test.CartHandlers", "addItem(Basket state");
  }

  @Test
  @Covers(Message.HANDLER_BAD_PARAMETERS)
  void handlerWithParametersSwapped() {
    Domain domain = withHandlers("""
          @CommandHandler
          ItemAdded addItem(AddItem command, Cart state) {
            return new ItemAdded(command.name());
          }
        """);
    onlyError(domain, "[WEE-305] @CommandHandler CartHandlers.addItem(AddItem, Cart) has the parameters (AddItem, Cart);"
        + " for command AddItem of Cart declare `(Cart state, AddItem command)`, optionally followed by"
        + " `CommandContext context` (Cart has an @Initial state, so every handler takes it)",
        "test.CartHandlers", "addItem(AddItem command, Cart state)");
  }

  @Test
  @Covers(Message.HANDLER_BAD_RETURN)
  void handlerReturningNoEvent() {
    Domain domain = withHandlers("""
          @CommandHandler
          String addItem(Cart state, AddItem command) {
            return command.name();
          }
        """);
    onlyError(domain, "[WEE-306] @CommandHandler CartHandlers.addItem(Cart, AddItem) returns String, which is not an"
        + " event of Cart; return one @Event of Cart (such as ItemAdded) or a List of them (List<ItemAdded>)",
        "test.CartHandlers", "String addItem(");
  }

  @Test
  @Covers(Message.HANDLER_BAD_RETURN)
  void handlerReturningListOfUnrelatedType() {
    Domain domain = withHandlers("""
          @CommandHandler
          List<String> addItem(Cart state, AddItem command) {
            return List.of(command.name());
          }
        """);
    onlyError(domain, "[WEE-306] @CommandHandler CartHandlers.addItem(Cart, AddItem) returns List<String>, which is not"
        + " an event of Cart", "test.CartHandlers", "List<String> addItem(");
  }

  @Test
  @Covers(Message.HANDLER_BAD_RETURN)
  void handlerReturningListWiderThanTheEventsSupertype() {
    Domain domain = withHandlers("""
          @CommandHandler
          List<Object> addItem(Cart state, AddItem command) {
            return List.of(new ItemAdded(command.name()));
          }
        """)
        .with("test.CartEvent", """
            package test;

            public interface CartEvent {}
            """)
        .with("test.ItemAdded", Sources.ITEM_ADDED.replace("(String name) {}", "(String name) implements CartEvent {}"));
    onlyError(domain, "[WEE-306] @CommandHandler CartHandlers.addItem(Cart, AddItem) returns List<Object>, which is not"
        + " an event of Cart; return one @Event of Cart (such as ItemAdded) or a List of them (List<CartEvent>)",
        "test.CartHandlers", "List<Object> addItem(");
  }

  @Test
  @Covers(Message.METHOD_PRIVATE)
  void privateHandler() {
    Domain domain = withHandlers("""
          @CommandHandler
          private ItemAdded addItem(Cart state, AddItem command) {
            return new ItemAdded(command.name());
          }
        """);
    onlyError(domain, "[WEE-307] @CommandHandler CartHandlers.addItem(Cart, AddItem) is private, so the generated"
        + " CartStub cannot call it; make it package-private or public", "test.CartHandlers", "private ItemAdded addItem(");
  }

  @Test
  @Covers(Message.METHOD_GENERIC)
  void genericHandler() {
    Domain domain = withHandlers("""
          @CommandHandler
          <T> ItemAdded addItem(Cart state, AddItem command) {
            return new ItemAdded(command.name());
          }
        """);
    onlyError(domain, "[WEE-308] @CommandHandler CartHandlers.addItem(Cart, AddItem) declares type parameters <T>; the"
        + " generated code calls it with concrete types: remove the type parameters", "test.CartHandlers", "<T> ItemAdded");
  }

  @Test
  @Covers(Message.HANDLER_NOT_ACCESSIBLE)
  void handlerInOtherPackageNotPublic() {
    Domain domain = Domain.valid().without("test.CartHandlers").with("test.handlers.CartHandlers", """
        package test.handlers;

        import com.weegigs.events.annotations.*;
        import test.*;

        public final class CartHandlers {
          @CommandHandler
          ItemAdded addItem(Cart state, AddItem command) {
            return new ItemAdded(command.name());
          }
        }
        """);
    onlyError(domain, "[WEE-309] @CommandHandler CartHandlers.addItem(Cart, AddItem) is not visible from the generated"
        + " CartStub in package test; make the method public", "test.handlers.CartHandlers", "ItemAdded addItem(");
  }
}
