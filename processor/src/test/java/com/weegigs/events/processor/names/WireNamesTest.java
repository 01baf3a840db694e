package com.weegigs.events.processor.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The name grammar and the kebab-case rule, as pure functions. */
class WireNamesTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "AddItem, add-item",
      "VoidReceipt, void-receipt",
      "HTTPServer, http-server",
      "Item2Added, item2-added",
      "Receipt, receipt",
      "X, x",
      "ReceiptV2, receipt-v2",
      "addItem, add-item",
      "Add_Item, add-item",
      "getHTTPResponseCode, get-http-response-code",
      "IOError, io-error",
      "ABC, abc",
      "Item2ADDED, item2-added",
      "Version10Released, version10-released"
  })
  void kebabCase(String javaName, String wireName) {
    assertEquals(wireName, WireNames.kebabCase(javaName));
  }

  @ParameterizedTest
  @ValueSource(strings = {"receipt", "add-item", "a", "item2-added", "x-1-y"})
  void validNames(String name) {
    assertTrue(WireNames.isValidName(name));
    assertEquals(Optional.empty(), WireNames.nameProblem(name));
  }

  @ParameterizedTest(name = "\"{0}\": {1}")
  @CsvSource(delimiter = '|', value = {
      "''|it is empty",
      "Receipt|it contains upper case",
      "add.item|it contains '.'",
      "add*|it contains '*'",
      "add>|it contains '>'",
      "add item|it contains a space",
      "2items|it does not start with a lower-case letter",
      "-item|it does not start with a lower-case letter",
      "add_item|it contains a character other than a-z, 0-9 and '-'",
      "añadir|it contains a character other than a-z, 0-9 and '-'"
  })
  void invalidNames(String name, String problem) {
    assertFalse(WireNames.isValidName(name));
    assertEquals(Optional.of(problem), WireNames.nameProblem(name));
  }

  @Test
  void lengthLimitIsFiftyCharacters() {
    String fifty = "a".repeat(50);
    assertTrue(WireNames.isValidName(fifty));
    assertFalse(WireNames.isValidName(fifty + "b"));
    assertEquals(Optional.of("it has 51 characters, more than 50"), WireNames.nameProblem(fifty + "b"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "Add Item, add-item",
      "shop.orders, shop-orders",
      "Receipt, receipt",
      "2nd-try, nd-try"
  })
  void suggestions(String invalid, String suggestion) {
    assertEquals(Optional.of(suggestion), WireNames.suggestName(invalid));
  }

  @Test
  void noSuggestionWhenNothingIsLeft() {
    assertEquals(Optional.empty(), WireNames.suggestName("***"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0.0", "10.20.30", "2.1.0-rc.1", "1.0.0-alpha-2"})
  void validVersions(String version) {
    assertTrue(WireNames.isValidVersion(version));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0", "v1.0.0", "1.0.0-RC1", "1.0.0+build", "", "1..0"})
  void invalidVersions(String version) {
    assertFalse(WireNames.isValidVersion(version));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "receipts, Receipts",
      "order-book, OrderBook",
      "v2-api, V2Api"
  })
  void pascalCase(String wireName, String pascal) {
    assertEquals(pascal, WireNames.pascalCase(wireName));
  }

  @Test
  void editDistance() {
    assertEquals(0, WireNames.editDistance("Cart", "cart"));
    assertEquals(1, WireNames.editDistance("Kart", "Cart"));
    assertEquals(2, WireNames.editDistance("Reciept", "Receipt"));
    assertEquals(3, WireNames.editDistance("", "abc"));
  }

  @Test
  void closestOffersOnlyLikelyTypos() {
    List<String> aggregates = List.of("Receipt", "Supplier", "Cart");
    assertEquals(Optional.of("Receipt"), WireNames.closest("Reciept", aggregates));
    assertEquals(Optional.of("Cart"), WireNames.closest("Kart", aggregates));
    assertEquals(Optional.empty(), WireNames.closest("Invoice", aggregates));
    assertEquals(Optional.empty(), WireNames.closest("Kart", List.of()));
  }

  /** Constants with awkward names, to compare the processor's enum rule with the runtime's. */
  @SuppressWarnings("unused")
  private enum Awkward { IN_PROGRESS, InProgress, FOO_BAR, FOO__BAR, _LEADING, TRAILING_, x1_Y2, \u0130STANBUL, \u00c4RGER, A$B }

  @Test
  void enumWireValueIsTheRuntimeRule() {
    for (Awkward constant : Awkward.values()) {
      assertEquals(com.weegigs.events.runtime.internal.generated.ContainerCodecs.wireName(constant), WireNames.enumWireValue(constant.name()),
          constant.name());
    }
    assertEquals("in-progress", WireNames.enumWireValue("IN_PROGRESS"));
    assertEquals("foo--bar", WireNames.enumWireValue("FOO__BAR"));
  }
}
