package com.weegigs.events.runtime.internal.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.weegigs.events.runtime.validation.Violation;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ConstraintsTest {
  private static List<String> fields(ValidationContext context) {
    return context.violations().stream().map(Violation::path).toList();
  }

  @Test
  void nullPassesEverythingButTheNotConstraints() {
    ValidationContext context = new ValidationContext();
    Constraints.size(context, "a", (String) null, 1, 2, "size");
    Constraints.min(context, "b", (Number) null, 1, "min");
    Constraints.max(context, "c", (Number) null, 1, "max");
    Constraints.positive(context, "d", (Number) null, "positive");
    Constraints.decimalMin(context, "e", (Number) null, BigDecimal.ONE, true, "decimalMin");
    Constraints.pattern(context, "f", null, Pattern.compile("x"), "pattern");
    Constraints.email(context, "g", null, "email");
    assertEquals(List.of(), context.violations());
    Constraints.notNull(context, "h", null, "must not be null");
    Constraints.notBlank(context, "i", null, "must not be blank");
    Constraints.notEmpty(context, "j", (List<?>) null, "must not be empty");
    assertEquals(List.of("h", "i", "j"), fields(context));
  }

  @Test
  void textConstraints() {
    ValidationContext context = new ValidationContext();
    Constraints.notBlank(context, "blank", " \t", "must not be blank");
    Constraints.notBlank(context, "ok1", " x ", "must not be blank");
    Constraints.notEmpty(context, "empty", "", "must not be empty");
    Constraints.notEmpty(context, "ok2", " ", "must not be empty");
    Constraints.size(context, "long", "abcd", 1, 3, "size must be between 1 and 3");
    Constraints.size(context, "ok3", "abc", 1, 3, "size must be between 1 and 3");
    Constraints.pattern(context, "partial", "abc1", Pattern.compile("[a-z]+"), "must match");
    Constraints.pattern(context, "ok4", "abc", Pattern.compile("[a-z]+"), "must match");
    Constraints.email(context, "email", "not-an-address", "must be a well-formed email address");
    Constraints.email(context, "ok5", "ada@example.com", "must be a well-formed email address");
    Constraints.email(context, "ok6", "", "must be a well-formed email address");
    assertEquals(List.of("blank", "empty", "long", "partial", "email"), fields(context));
    assertEquals("size must be between 1 and 3", context.violations().get(2).message());
  }

  @Test
  void collectionConstraints() {
    ValidationContext context = new ValidationContext();
    Constraints.notEmpty(context, "list", List.of(), "must not be empty");
    Constraints.notEmpty(context, "map", Map.of(), "must not be empty");
    Constraints.size(context, "big", List.of(1, 2, 3), 0, 2, "size");
    Constraints.size(context, "small", Map.of("a", 1), 2, 5, "size");
    Constraints.size(context, "ok", List.of(1, 2), 0, 2, "size");
    assertEquals(List.of("list", "map", "big", "small"), fields(context));
  }

  @Test
  void numberConstraintsOnEveryKindOfNumber() {
    ValidationContext context = new ValidationContext();
    Constraints.min(context, "int", 0, 1, "min");
    Constraints.min(context, "intOk", 1, 1, "min");
    Constraints.max(context, "long", 11L, 10, "max");
    Constraints.min(context, "double", 0.5d, 1, "min");
    Constraints.min(context, "decimal", new BigDecimal("0.99"), 1, "min");
    Constraints.min(context, "decimalOk", new BigDecimal("1.00"), 1, "min");
    Constraints.max(context, "bigInteger", new BigInteger("99999999999999999999"), Long.MAX_VALUE, "max");
    Constraints.positive(context, "zero", 0, "positive");
    Constraints.positive(context, "boxedZero", Integer.valueOf(0), "positive");
    Constraints.positiveOrZero(context, "negativeDecimal", new BigDecimal("-0.01"), "positiveOrZero");
    Constraints.positiveOrZero(context, "zeroOk", BigDecimal.ZERO, "positiveOrZero");
    Constraints.negative(context, "nan", Double.NaN, "negative");
    Constraints.negativeOrZero(context, "one", 1L, "negativeOrZero");
    assertEquals(List.of("int", "long", "double", "decimal", "bigInteger", "zero", "boxedZero", "negativeDecimal", "nan", "one"),
        fields(context));
  }

  @Test
  void decimalBoundsHonourInclusive() {
    ValidationContext context = new ValidationContext();
    BigDecimal bound = new BigDecimal("0.01");
    Constraints.decimalMin(context, "inclusiveOk", new BigDecimal("0.010"), bound, true, "min");
    Constraints.decimalMin(context, "exclusive", new BigDecimal("0.01"), bound, false, "min");
    Constraints.decimalMin(context, "below", 0.001d, bound, true, "min");
    Constraints.decimalMax(context, "inclusiveOk2", 1L, BigDecimal.ONE, true, "max");
    Constraints.decimalMax(context, "exclusive2", 1L, BigDecimal.ONE, false, "max");
    Constraints.decimalMax(context, "infinite", Double.POSITIVE_INFINITY, BigDecimal.ONE, true, "max");
    assertEquals(List.of("exclusive", "below", "exclusive2", "infinite"), fields(context));
  }

  @Test
  void doubleBoundsRefuseNaNAndLetAnInfinityPassOnlyOnItsOwnSide() {
    ValidationContext context = new ValidationContext();
    Constraints.decimalMin(context, "minNaN", Double.NaN, BigDecimal.ONE, true, "min");
    Constraints.decimalMin(context, "minAbove", Double.POSITIVE_INFINITY, BigDecimal.ONE, true, "min");
    Constraints.decimalMin(context, "minBelow", Double.NEGATIVE_INFINITY, BigDecimal.ONE, true, "min");
    Constraints.decimalMax(context, "maxNaN", Double.NaN, BigDecimal.ONE, true, "max");
    Constraints.decimalMax(context, "maxBelow", Double.NEGATIVE_INFINITY, BigDecimal.ONE, true, "max");
    Constraints.decimalMax(context, "maxEqual", 1d, BigDecimal.ONE, true, "max");
    Constraints.decimalMax(context, "maxEqualExclusive", 1d, BigDecimal.ONE, false, "max");
    assertEquals(List.of("minNaN", "minBelow", "maxNaN", "maxEqualExclusive"), fields(context));
  }

  record Item(String name) {}

  @Test
  void cascadesBuildJsonPaths() {
    ValidationContext context = new ValidationContext();
    ValidationContext.NestedValidator<Item> item =
        (value, nested) -> Constraints.notBlank(nested, "name", value.name(), "must not be blank");
    context.cascade("main", new Item(""), item);
    context.cascade("none", null, item);
    context.cascadeEach("items", List.of(new Item("ok"), new Item(" "), new Item(null)), item);
    context.cascadeValues("byCode", Map.of("coffee", new Item("")), item);
    context.cascadeOptional("maybe", Optional.of(new Item("")), item);
    context.cascadeOptional("empty", Optional.empty(), item);
    assertEquals(List.of("main.name", "items[1].name", "items[2].name", "byCode.coffee.name", "maybe.name"), fields(context));
    assertEquals("x", Constraints.unwrap(Optional.of("x")));
    assertNull(Constraints.<String>unwrap(Optional.empty()));
  }

  @Test
  void cascadesNestForRecordsHeldDeeper() {
    ValidationContext context = new ValidationContext();
    ValidationContext.NestedValidator<Item> item =
        (value, nested) -> Constraints.notBlank(nested, "name", value.name(), "must not be blank");
    context.cascadeEach("rows", List.of(List.of(new Item("ok")), List.of(new Item("ok"), new Item(""))),
        (row, nested) -> nested.cascadeEach(null, row, item));
    context.cascadeValues("byDay", Map.of("mon", List.of(Optional.of(new Item(" ")))),
        (list, nested) -> nested.cascadeEach(null, list, (optional, inner) -> inner.cascadeOptional(null, optional, item)));
    context.cascadeOptional("maybe", Optional.of(Map.of("k", new Item(""))),
        (map, nested) -> nested.cascadeValues(null, map, item));
    assertEquals(List.of("rows[1][1].name", "byDay.mon[0].name", "maybe.k.name"), fields(context));
  }

  @Test
  void elementChecksNameEachElementAndSeeNulls() {
    ValidationContext context = new ValidationContext();
    context.eachElement("tags", java.util.Arrays.asList("ok", " ", null),
        (tag, at) -> Constraints.notBlank(context, at, tag, "must not be blank"));
    context.eachElement("tags2", java.util.Arrays.asList("ok", null),
        (tag, at) -> Constraints.notNull(context, at, tag, "must not be null"));
    context.eachElement("none", null, (tag, at) -> Constraints.notNull(context, at, tag, "must not be null"));
    context.eachValue("stock", Map.of("tea", -1), (count, at) -> Constraints.positiveOrZero(context, at, count, "must not be negative"));
    context.eachValue("none", null, (count, at) -> Constraints.notNull(context, at, count, "must not be null"));
    // inside a nested record the element's name follows the record's path
    context.cascade("line", new Item("x"), (item, nested) -> nested.eachElement("codes", List.of(""),
        (code, at) -> Constraints.notBlank(nested, at, code, "must not be blank")));
    assertEquals(List.of("tags[1]", "tags[2]", "tags2[1]", "stock.tea", "line.codes[0]"), fields(context));
  }
}
