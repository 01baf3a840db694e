package com.weegigs.events.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.weegigs.events.processor.MessageParts.AppliesTo;
import com.weegigs.events.processor.MessageParts.AttributeProblem;
import com.weegigs.events.processor.MessageParts.Declaration;
import com.weegigs.events.processor.MessageParts.GeneratedFor;
import com.weegigs.events.processor.MessageParts.HandlerForm;
import com.weegigs.events.processor.MessageParts.Inaccessible.Reason;
import com.weegigs.events.processor.MessageParts.Inaccessible;
import com.weegigs.events.processor.MessageParts.Instead;
import com.weegigs.events.processor.MessageParts.TypeKind;
import com.weegigs.events.processor.MessageParts.Unsupported;
import com.weegigs.events.processor.names.WireNames;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The exact text of every wording {@link Messages} chooses between, as pure functions: the
 * compile-testing tests check one case of each message where it is reported, these check the rest.
 */
class MessagesTest {
  private static void assertText(String expected, Message.Text actual) {
    assertEquals(expected, actual.text());
  }

  @Test
  void names() {
    assertText("[WEE-101] service name \"shop.orders\" is not valid: it has a '.'; use " + WireNames.NAME_RULE + ", such as \"shop-orders\"",
        Messages.invalidServiceName("shop.orders", "it has a '.'", Optional.of("shop-orders")));
    assertText("[WEE-104] command name \"Add\" of AddItem is not valid: it has capitals; set @Command(name = ...) to "
        + WireNames.NAME_RULE, Messages.invalidCommandName("Add", "AddItem", "it has capitals", Optional.empty()));
    assertText("[WEE-601] @Command AddItem names Reciept as its aggregate, but Reciept is not annotated @Aggregate; did you mean"
        + " Receipt?", Messages.notAnAggregate("Command", "AddItem", "Reciept", Optional.of("Receipt")));
    assertText("[WEE-601] @Event ItemAdded names Basket as its aggregate, but Basket is not annotated @Aggregate; name the"
        + " @Aggregate record it belongs to, or annotate Basket with @Aggregate",
        Messages.notAnAggregate("Event", "ItemAdded", "Basket", Optional.empty()));
  }

  @Test
  void generatedNameClashes() {
    assertText("[WEE-205] the type CartStub that wee-events generates for Cart clashes with the type of that name generated for"
        + " Basket; rename aggregate record Cart, or the other one",
        Messages.generatedNameClash("CartStub", GeneratedFor.aggregate("Cart"), "Basket"));
    assertText("[WEE-205] the type ShopService that wee-events generates for service \"shop\" clashes with the existing interface"
        + " ShopService; rename that interface, or the service name",
        Messages.generatedNameTaken("ShopService", GeneratedFor.service("shop"), TypeKind.INTERFACE, "ShopService"));
  }

  @Test
  void handlers() {
    assertText("[WEE-301] command AddItem of Cart has no @CommandHandler; add a method such as `@CommandHandler ItemAdded"
        + " addItem(AddItem command)` to Cart or to a handler class",
        Messages.commandWithoutHandler("AddItem", "Cart", "ItemAdded", false));
    assertText("[WEE-303] @CommandHandler H.m(Line) takes no @Command record; a handler takes (State state, Cmd command[,"
        + " CommandContext context]) where Cmd is annotated @Command; is Line missing @Command(aggregate = ...)?",
        Messages.handlerWithoutCommand("H.m(Line)", Optional.of("Line")));
    assertText("[WEE-304] @CommandHandler Till.m(AddItem) handles AddItem, a command of Cart, but it is an instance method of the"
        + " aggregate Till; take the state of Cart, or handle a command of Till",
        Messages.handlerOnOtherAggregate("Till.m(AddItem)", "AddItem", "Cart", "Till"));
    assertText("[WEE-306] @CommandHandler H.m(Cart, AddItem) returns String, which is not an event of Cart; return one @Event of"
        + " Cart (such as ItemAdded) or a List of them (List<CartEvent>)",
        Messages.handlerBadReturn("H.m(Cart, AddItem)", "String", "Cart", "ItemAdded", Optional.of("CartEvent")));
    assertText("[WEE-308] @Reducer Cart.on(T) declares type parameters <T, U>; the generated code calls it with concrete types:"
        + " remove the type parameters", Messages.methodGeneric("Reducer", "Cart.on(T)", List.of("T", "U")));
  }

  @Test
  void handlerParameterForms() {
    String start = "[WEE-305] @CommandHandler H.m() has the parameters (); for command AddItem of Cart declare ";
    assertText(start + "`(AddItem command)` on this instance method, the state being the record itself, optionally followed by"
        + " `CommandContext context`", Messages.handlerBadParameters("H.m()", "", "AddItem", "Cart", HandlerForm.ON_AGGREGATE));
    assertText(start + "`(Cart state, AddItem command)`, optionally followed by `CommandContext context`",
        Messages.handlerBadParameters("H.m()", "", "AddItem", "Cart", HandlerForm.WITH_STATE));
    assertText(start + "`(Cart state, AddItem command)`, optionally followed by `CommandContext context` (Cart has an @Initial"
        + " state, so every handler takes it)",
        Messages.handlerBadParameters("H.m()", "", "AddItem", "Cart", HandlerForm.WITH_STATE_BECAUSE_INITIAL));
    assertText(start + "`(Cart state, AddItem command)`, or `(AddItem command)` for a creating handler, each optionally followed"
        + " by `CommandContext context`", Messages.handlerBadParameters("H.m()", "", "AddItem", "Cart", HandlerForm.WITH_OR_WITHOUT_STATE));
  }

  @Test
  void inaccessibleHandlersAndRecords() {
    String handler = "[WEE-309] @CommandHandler H.m(Cart, AddItem) is not visible from the generated CartStub in package test; make ";
    assertText(handler + "it public", Messages.handlerNotAccessible("H.m(Cart, AddItem)", "CartStub", "test",
        Optional.of(new Inaccessible(Reason.PRIVATE, TypeKind.CLASS, "H"))));
    assertText(handler + "Outer public", Messages.handlerNotAccessible("H.m(Cart, AddItem)", "CartStub", "test",
        Optional.of(new Inaccessible(Reason.NESTED_IN_PRIVATE, TypeKind.CLASS, "Outer"))));
    assertText(handler + "H public", Messages.handlerNotAccessible("H.m(Cart, AddItem)", "CartStub", "test",
        Optional.of(new Inaccessible(Reason.NOT_PUBLIC, TypeKind.CLASS, "H"))));
    assertText("[WEE-503] Command Empty is nested in the private class Outer, so the generated code in package test cannot use it;"
        + " make Outer package-private or public", Messages.notAccessible(Declaration.COMMAND, "Empty",
        new Inaccessible(Reason.NESTED_IN_PRIVATE, TypeKind.CLASS, "Outer"), "test"));
    assertText("[WEE-503] Event Opened is not public and in another package, so the generated code in package test cannot use it;"
        + " make Opened public", Messages.notAccessible(Declaration.EVENT, "Opened",
        new Inaccessible(Reason.NOT_PUBLIC, TypeKind.RECORD, "Opened"), "test"));
    assertText("[WEE-503] Aggregate Cart is declared inside a method, so the generated code in package test cannot use it; move it"
        + " out of the method", Messages.notAccessible(Declaration.AGGREGATE, "Cart",
        new Inaccessible(Reason.LOCAL, TypeKind.RECORD, "Cart"), "test"));
    assertText("[WEE-501] @Command AddItem is an interface, not a record; declare it as `record AddItem(...)`",
        Messages.notARecord(Declaration.COMMAND, "AddItem", TypeKind.INTERFACE));
  }

  @Test
  void reducersAndInitialFactories() {
    String bad = "[WEE-404] @Reducer Cart.on(ItemAdded, int) has the parameters (ItemAdded, int); a reducer of Cart takes exactly"
        + " one @Event of Cart: ";
    assertText(bad + "declare `Cart on(ItemAdded event)`",
        Messages.reducerExtraParameters("Cart.on(ItemAdded, int)", "ItemAdded, int", "Cart", "on", "ItemAdded"));
    assertText(bad + "TillOpened is an event of Till: move this reducer to Till",
        Messages.reducerOfOtherAggregate("Cart.on(ItemAdded, int)", "ItemAdded, int", "Cart", "TillOpened", "Till"));
    assertText(bad + "declare `Cart on(SomeEvent event)`",
        Messages.reducerWithoutEvent("Cart.on(ItemAdded, int)", "ItemAdded, int", "Cart", "SomeEvent"));
    assertText("[WEE-405] @Reducer H.on(ItemAdded) is declared in H, which is not an @Aggregate record; move it into the aggregate"
        + " record whose state it returns (ItemAdded is an event of Cart)",
        Messages.reducerNotOnAggregate("H.on(ItemAdded)", "H", "ItemAdded", "Cart"));
    assertText("[WEE-407] @Initial Cart.open(int) must be `static Cart open(String key)`; it takes (int)",
        Messages.initialBadParameters("Cart.open(int)", "Cart", "open", "int"));
    assertText("[WEE-412] @Reducer Cart.on(ItemAdded) declares throws IOException, SQLException; reducers and @Initial factories"
        + " are pure and must not throw checked exceptions: remove the throws clause, or catch IOException, SQLException and wrap"
        + " it in an unchecked exception",
        Messages.checkedExceptionInReducer("Reducer", "Cart.on(ItemAdded)", List.of("IOException", "SQLException")));
    assertText("[WEE-411] creating @CommandHandler H.create(AddItem) returns ItemAdded, but the @Reducer of ItemAdded is not"
        + " static, so it cannot start a Cart that has no events; make it a creating reducer `@Reducer static Cart on(ItemAdded"
        + " event)`", Messages.creatingEventWithoutCreatingReducer("H.create(AddItem)", "ItemAdded", "Cart"));
  }

  @Test
  void componentsAndConstraints() {
    assertText("[WEE-504] component letter of AddItem has the type char, which the generated JSON codec cannot encode, because JSON"
        + " has no character type (use a String); use primitives and their boxes, String, BigDecimal, BigInteger, UUID, Instant,"
        + " LocalDate, enums, records, List, Set, Map with String keys or Optional of these",
        Messages.unsupportedComponentType("letter", "AddItem", "char", Unsupported.CHARACTER));
    assertText("[WEE-505] @NotNull on component count of Cart does not apply to int; @NotNull applies to references (a int is"
        + " never null): remove it or use the box type if the value may be missing",
        Messages.constraintNotApplicable("NotNull", "count", "Cart", "int", AppliesTo.REFERENCES, Instead.BOX));
    assertText("[WEE-505] @Min on component weight of Ship does not apply to double; @Min applies to whole numbers (byte, short, int,"
        + " long, their boxes, BigInteger, BigDecimal): remove it or use @DecimalMin or @DecimalMax",
        Messages.constraintNotApplicable("Min", "weight", "Ship", "double", AppliesTo.WHOLE_NUMBERS, Instead.DECIMAL_MIN_OR_MAX));
    String attribute = "[WEE-507] @Size on component name of AddItem has an invalid ";
    assertText(attribute + "min: -1 is negative; use 0 or more",
        Messages.invalidConstraintAttribute("Size", "name", "AddItem", AttributeProblem.negativeMin(-1)));
    assertText(attribute + "value: \"abc\" is not a decimal number; write it like \"0.01\"",
        Messages.invalidConstraintAttribute("Size", "name", "AddItem", AttributeProblem.notADecimal("abc")));
    assertText(attribute + "flags: the generated validators do not read flags; write them inline in the regexp instead, such as"
        + " \"(?i)[a-z]+\"", Messages.invalidConstraintAttribute("Size", "name", "AddItem", AttributeProblem.patternFlags("[a-z]+")));
    assertText(attribute + "regexp: \"[\" is not a regular expression (Unclosed character class); fix the expression",
        Messages.invalidConstraintAttribute("Size", "name", "AddItem", AttributeProblem.badRegexp("[", "Unclosed character class")));
    assertText(attribute + "regexp: the generated validators check only the standard address form; add a separate @Pattern",
        Messages.invalidConstraintAttribute("Size", "name", "AddItem", AttributeProblem.emailAttribute("regexp")));
  }

  @Test
  void warnings() {
    assertText("[WEE-901] Cart has events (ItemAdded, ItemRemoved) but no command, so none of them is ever recorded; add a record"
        + " `@Command(aggregate = Cart.class)` and its @CommandHandler",
        Messages.eventsWithoutCommands("Cart", List.of("ItemAdded", "ItemRemoved")));
  }
}
