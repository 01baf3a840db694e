package com.weegigs.events.processor.model;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * One jakarta.validation constraint on a component: what it checks, as one record per kind of
 * constraint with its attributes typed, and the message it reports.
 *
 * @param rule what it checks
 * @param message the message to report: the annotation's own {@code message} when the user set one,
 *     otherwise the standard text ({@code must be greater than or equal to 0})
 */
public record ConstraintModel(Rule rule, String message) {
  public ConstraintModel {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(message, "message");
  }

  /**
   * The constraint of {@code kind} with its attributes as read from the annotation.
   *
   * @param attributes {@code value}, {@code min}, {@code max}, {@code inclusive}, {@code regexp} as
   *     written or defaulted; values are {@code Long}, {@code String} or {@code Boolean}
   * @throws IllegalArgumentException when an attribute the kind needs is missing or unusable
   */
  public ConstraintModel(Kind kind, Map<String, Object> attributes, String message) {
    this(Rule.of(kind, attributes), message);
  }

  /** The same as {@link #ConstraintModel(Kind, Map, String)}. */
  public static ConstraintModel of(Kind kind, Map<String, Object> attributes, String message) {
    return new ConstraintModel(kind, attributes, message);
  }

  /** Which constraint it is. */
  public Kind kind() {
    return rule.kind();
  }

  /** The supported constraints, each with the record of its rule. */
  public enum Kind {
    NOT_NULL(NotNull.class), NOT_BLANK(NotBlank.class), NOT_EMPTY(NotEmpty.class), SIZE(Size.class), MIN(Min.class), MAX(Max.class),
    POSITIVE(Positive.class), POSITIVE_OR_ZERO(PositiveOrZero.class), NEGATIVE(Negative.class), NEGATIVE_OR_ZERO(NegativeOrZero.class),
    DECIMAL_MIN(DecimalMin.class), DECIMAL_MAX(DecimalMax.class), PATTERN(Pattern.class), EMAIL(Email.class);

    private final Class<? extends Rule> rule;

    Kind(Class<? extends Rule> rule) {
      this.rule = rule;
    }
  }

  /** What a constraint checks: one record per {@link Kind}, with that kind's attributes. */
  public sealed interface Rule {
    /** Which constraint this is. */
    default Kind kind() {
      for (Kind kind : Kind.values()) {
        if (kind.rule == getClass()) {
          return kind;
        }
      }
      throw new IllegalStateException(getClass() + " has no kind");
    }

    /** The rule of {@code kind} with {@code attributes} as {@link ConstraintModel#ConstraintModel(Kind, Map, String)} takes them. */
    static Rule of(Kind kind, Map<String, Object> attributes) {
      return switch (kind) {
        case NOT_NULL -> new NotNull();
        case NOT_BLANK -> new NotBlank();
        case NOT_EMPTY -> new NotEmpty();
        case SIZE -> new Size(intAttribute(attributes, "min", 0), intAttribute(attributes, "max", Integer.MAX_VALUE));
        case MIN -> new Min(longAttribute(attributes, "value"));
        case MAX -> new Max(longAttribute(attributes, "value"));
        case POSITIVE -> new Positive();
        case POSITIVE_OR_ZERO -> new PositiveOrZero();
        case NEGATIVE -> new Negative();
        case NEGATIVE_OR_ZERO -> new NegativeOrZero();
        case DECIMAL_MIN -> new DecimalMin(stringAttribute(attributes, "value"), inclusive(attributes));
        case DECIMAL_MAX -> new DecimalMax(stringAttribute(attributes, "value"), inclusive(attributes));
        case PATTERN -> new Pattern(stringAttribute(attributes, "regexp"));
        case EMAIL -> new Email();
      };
    }
  }

  /** {@code @NotNull}. */
  public record NotNull() implements Rule {}

  /** {@code @NotBlank}: a string with a character other than white space. */
  public record NotBlank() implements Rule {}

  /** {@code @NotEmpty}: a string, collection or map with at least one character, element or entry. */
  public record NotEmpty() implements Rule {}

  /**
   * {@code @Size}.
   *
   * @param min the least length, {@code 0} when not set
   * @param max the greatest length, {@link Integer#MAX_VALUE} when not set
   */
  public record Size(int min, int max) implements Rule {}

  /**
   * {@code @Min}.
   *
   * @param value the least value
   */
  public record Min(long value) implements Rule {}

  /**
   * {@code @Max}.
   *
   * @param value the greatest value
   */
  public record Max(long value) implements Rule {}

  /** {@code @Positive}: greater than 0. */
  public record Positive() implements Rule {}

  /** {@code @PositiveOrZero}: 0 or greater. */
  public record PositiveOrZero() implements Rule {}

  /** {@code @Negative}: less than 0. */
  public record Negative() implements Rule {}

  /** {@code @NegativeOrZero}: 0 or less. */
  public record NegativeOrZero() implements Rule {}

  /**
   * {@code @DecimalMin}.
   *
   * @param value the bound as written, without surrounding white space
   * @param inclusive whether the bound itself is allowed
   */
  public record DecimalMin(String value, boolean inclusive) implements Rule {
    public DecimalMin {
      value = decimal(value);
    }
  }

  /**
   * {@code @DecimalMax}.
   *
   * @param value the bound as written, without surrounding white space
   * @param inclusive whether the bound itself is allowed
   */
  public record DecimalMax(String value, boolean inclusive) implements Rule {
    public DecimalMax {
      value = decimal(value);
    }
  }

  /**
   * {@code @Pattern}.
   *
   * @param regexp the regular expression the whole value must match
   */
  public record Pattern(String regexp) implements Rule {
    public Pattern {
      Objects.requireNonNull(regexp, "regexp");
    }
  }

  /** {@code @Email}, in its standard form. */
  public record Email() implements Rule {}

  private static String decimal(String value) {
    String trimmed = Objects.requireNonNull(value, "value").trim();
    try {
      new BigDecimal(trimmed);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("\"" + value + "\" is not a decimal number", e);
    }
    return trimmed;
  }

  private static int intAttribute(Map<String, Object> attributes, String name, int fallback) {
    return attributes.get(name) instanceof Number number ? number.intValue() : fallback;
  }

  private static long longAttribute(Map<String, Object> attributes, String name) {
    if (attributes.get(name) instanceof Number number) {
      return number.longValue();
    }
    throw new IllegalArgumentException("constraint attribute " + name + " = " + attributes.get(name) + " is not a number");
  }

  private static String stringAttribute(Map<String, Object> attributes, String name) {
    if (attributes.get(name) instanceof String text) {
      return text;
    }
    throw new IllegalArgumentException("constraint attribute " + name + " = " + attributes.get(name) + " is not a string");
  }

  private static boolean inclusive(Map<String, Object> attributes) {
    return !Boolean.FALSE.equals(attributes.get("inclusive"));
  }
}
