package com.weegigs.events.runtime.internal.generated;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The jakarta.validation constraints as plain static checks, called by generated validators. Each
 * records a violation of component {@code field} with {@code message} in {@code context} when the
 * value breaks the constraint. As in jakarta.validation, {@code null} passes every constraint but
 * {@code @NotNull}, {@code @NotBlank} and {@code @NotEmpty}.
 *
 * <p>Numbers: primitive {@code int}, {@code long}, {@code short} and {@code byte} values use the
 * {@code long} overloads, {@code float} and {@code double} the {@code double} ones, and boxes,
 * {@link BigDecimal} and {@link BigInteger} the {@link Number} ones, which compare exactly.
 */
public final class Constraints {
  /**
   * The address rule of {@code @Email}: a local part of the usual characters, an {@code @} and a
   * domain of dot-separated labels (as Hibernate Validator accepts, simplified; an IP literal is not).
   */
  public static final Pattern EMAIL = Pattern.compile(
      "[a-zA-Z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[a-zA-Z0-9!#$%&'*+/=?^_`{|}~-]+)*"
          + "@(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*");

  private Constraints() {}

  /** The value of an {@code Optional} component, so its constraints apply to what it holds; empty is {@code null}. */
  public static <T> T unwrap(Optional<T> value) {
    return value == null ? null : value.orElse(null);
  }

  /** {@code @NotNull}. */
  public static void notNull(ValidationContext context, String field, Object value, String message) {
    if (value == null) {
      context.violation(field, message);
    }
  }

  /** {@code @NotBlank}: not null and at least one character that is not white space. */
  public static void notBlank(ValidationContext context, String field, CharSequence value, String message) {
    if (value == null || isBlank(value)) {
      context.violation(field, message);
    }
  }

  /** {@code @NotEmpty} on text. */
  public static void notEmpty(ValidationContext context, String field, CharSequence value, String message) {
    if (value == null || value.length() == 0) {
      context.violation(field, message);
    }
  }

  /** {@code @NotEmpty} on a list or set. */
  public static void notEmpty(ValidationContext context, String field, Collection<?> value, String message) {
    if (value == null || value.isEmpty()) {
      context.violation(field, message);
    }
  }

  /** {@code @NotEmpty} on a map. */
  public static void notEmpty(ValidationContext context, String field, Map<?, ?> value, String message) {
    if (value == null || value.isEmpty()) {
      context.violation(field, message);
    }
  }

  /** {@code @Size} on text: its length. */
  public static void size(ValidationContext context, String field, CharSequence value, int min, int max, String message) {
    if (value != null && (value.length() < min || value.length() > max)) {
      context.violation(field, message);
    }
  }

  /** {@code @Size} on a list or set: its number of elements. */
  public static void size(ValidationContext context, String field, Collection<?> value, int min, int max, String message) {
    if (value != null && (value.size() < min || value.size() > max)) {
      context.violation(field, message);
    }
  }

  /** {@code @Size} on a map: its number of entries. */
  public static void size(ValidationContext context, String field, Map<?, ?> value, int min, int max, String message) {
    if (value != null && (value.size() < min || value.size() > max)) {
      context.violation(field, message);
    }
  }

  /** {@code @Min}. */
  public static void min(ValidationContext context, String field, long value, long min, String message) {
    if (value < min) {
      context.violation(field, message);
    }
  }

  /** {@code @Min} on a floating-point value. */
  public static void min(ValidationContext context, String field, double value, long min, String message) {
    if (Double.isNaN(value) || value < min) {
      context.violation(field, message);
    }
  }

  /** {@code @Min} on a box, {@link BigDecimal} or {@link BigInteger}. */
  public static void min(ValidationContext context, String field, Number value, long min, String message) {
    if (value != null && compare(value, BigDecimal.valueOf(min)) < 0) {
      context.violation(field, message);
    }
  }

  /** {@code @Max}. */
  public static void max(ValidationContext context, String field, long value, long max, String message) {
    if (value > max) {
      context.violation(field, message);
    }
  }

  /** {@code @Max} on a floating-point value. */
  public static void max(ValidationContext context, String field, double value, long max, String message) {
    if (Double.isNaN(value) || value > max) {
      context.violation(field, message);
    }
  }

  /** {@code @Max} on a box, {@link BigDecimal} or {@link BigInteger}. */
  public static void max(ValidationContext context, String field, Number value, long max, String message) {
    if (value != null && compare(value, BigDecimal.valueOf(max)) > 0) {
      context.violation(field, message);
    }
  }

  /** {@code @Positive}. */
  public static void positive(ValidationContext context, String field, long value, String message) {
    if (value <= 0) {
      context.violation(field, message);
    }
  }

  /** {@code @Positive} on a floating-point value. */
  public static void positive(ValidationContext context, String field, double value, String message) {
    if (!(value > 0)) {
      context.violation(field, message);
    }
  }

  /** {@code @Positive} on a box, {@link BigDecimal} or {@link BigInteger}. */
  public static void positive(ValidationContext context, String field, Number value, String message) {
    if (value != null && signum(value) <= 0) {
      context.violation(field, message);
    }
  }

  /** {@code @PositiveOrZero}. */
  public static void positiveOrZero(ValidationContext context, String field, long value, String message) {
    if (value < 0) {
      context.violation(field, message);
    }
  }

  /** {@code @PositiveOrZero} on a floating-point value. */
  public static void positiveOrZero(ValidationContext context, String field, double value, String message) {
    if (!(value >= 0)) {
      context.violation(field, message);
    }
  }

  /** {@code @PositiveOrZero} on a box, {@link BigDecimal} or {@link BigInteger}. */
  public static void positiveOrZero(ValidationContext context, String field, Number value, String message) {
    if (value != null && signum(value) < 0) {
      context.violation(field, message);
    }
  }

  /** {@code @Negative}. */
  public static void negative(ValidationContext context, String field, long value, String message) {
    if (value >= 0) {
      context.violation(field, message);
    }
  }

  /** {@code @Negative} on a floating-point value. */
  public static void negative(ValidationContext context, String field, double value, String message) {
    if (!(value < 0)) {
      context.violation(field, message);
    }
  }

  /** {@code @Negative} on a box, {@link BigDecimal} or {@link BigInteger}. */
  public static void negative(ValidationContext context, String field, Number value, String message) {
    if (value != null && signum(value) >= 0) {
      context.violation(field, message);
    }
  }

  /** {@code @NegativeOrZero}. */
  public static void negativeOrZero(ValidationContext context, String field, long value, String message) {
    if (value > 0) {
      context.violation(field, message);
    }
  }

  /** {@code @NegativeOrZero} on a floating-point value. */
  public static void negativeOrZero(ValidationContext context, String field, double value, String message) {
    if (!(value <= 0)) {
      context.violation(field, message);
    }
  }

  /** {@code @NegativeOrZero} on a box, {@link BigDecimal} or {@link BigInteger}. */
  public static void negativeOrZero(ValidationContext context, String field, Number value, String message) {
    if (value != null && signum(value) > 0) {
      context.violation(field, message);
    }
  }

  /** {@code @DecimalMin} on an {@code int}, {@code long}, {@code short} or {@code byte}, compared exactly. */
  public static void decimalMin(
      ValidationContext context, String field, long value, BigDecimal min, boolean inclusive, String message) {
    bound(context, field, BigDecimal.valueOf(value), min, inclusive, message, true);
  }

  /** {@code @DecimalMin}: at least {@code min} (or above it when not {@code inclusive}). */
  public static void decimalMin(
      ValidationContext context, String field, double value, BigDecimal min, boolean inclusive, String message) {
    bound(context, field, value, min, inclusive, message, true);
  }

  /** {@code @DecimalMin} on an integer, box, {@link BigDecimal} or {@link BigInteger}. */
  public static void decimalMin(
      ValidationContext context, String field, Number value, BigDecimal min, boolean inclusive, String message) {
    bound(context, field, value, min, inclusive, message, true);
  }

  /** {@code @DecimalMax} on an {@code int}, {@code long}, {@code short} or {@code byte}, compared exactly. */
  public static void decimalMax(
      ValidationContext context, String field, long value, BigDecimal max, boolean inclusive, String message) {
    bound(context, field, BigDecimal.valueOf(value), max, inclusive, message, false);
  }

  /** {@code @DecimalMax}: at most {@code max} (or below it when not {@code inclusive}). */
  public static void decimalMax(
      ValidationContext context, String field, double value, BigDecimal max, boolean inclusive, String message) {
    bound(context, field, value, max, inclusive, message, false);
  }

  /** {@code @DecimalMax} on an integer, box, {@link BigDecimal} or {@link BigInteger}. */
  public static void decimalMax(
      ValidationContext context, String field, Number value, BigDecimal max, boolean inclusive, String message) {
    bound(context, field, value, max, inclusive, message, false);
  }

  /**
   * {@code @DecimalMin} ({@code lower}) or {@code @DecimalMax} on a {@code double}: NaN breaks either,
   * and an infinity passes only on its own side ({@code +Infinity} is above every minimum).
   */
  private static void bound(
      ValidationContext context, String field, double value, BigDecimal bound, boolean inclusive, String message, boolean lower) {
    if (!Double.isFinite(value)) {
      if (value != (lower ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY)) {
        context.violation(field, message);
      }
      return;
    }
    bound(context, field, BigDecimal.valueOf(value), bound, inclusive, message, lower);
  }

  /** {@code @DecimalMin} ({@code lower}) or {@code @DecimalMax} on a number compared exactly; {@code null} passes. */
  private static void bound(
      ValidationContext context, String field, Number value, BigDecimal bound, boolean inclusive, String message, boolean lower) {
    if (value == null) {
      return;
    }
    // how far inside the bound the value lies: negative is outside, zero is on it
    int inside = lower ? compare(value, bound) : -compare(value, bound);
    if (inclusive ? inside < 0 : inside <= 0) {
      context.violation(field, message);
    }
  }

  /** {@code @Pattern}: the whole text matches {@code pattern}. */
  public static void pattern(ValidationContext context, String field, CharSequence value, Pattern pattern, String message) {
    if (value != null && !pattern.matcher(value).matches()) {
      context.violation(field, message);
    }
  }

  /** {@code @Email}: a well-formed address by {@link #EMAIL}; empty text passes, as in Hibernate Validator. */
  public static void email(ValidationContext context, String field, CharSequence value, String message) {
    if (value != null && value.length() > 0 && !EMAIL.matcher(value).matches()) {
      context.violation(field, message);
    }
  }

  private static boolean isBlank(CharSequence value) {
    for (int i = 0; i < value.length(); i++) {
      if (!Character.isWhitespace(value.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static int signum(Number value) {
    if (value instanceof BigDecimal decimal) {
      return decimal.signum();
    }
    if (value instanceof BigInteger integer) {
      return integer.signum();
    }
    if (value instanceof Double || value instanceof Float) {
      double d = value.doubleValue();
      return Double.isNaN(d) ? 0 : (int) Math.signum(d);
    }
    return Long.signum(value.longValue());
  }

  /** Compares exactly; NaN compares as below everything so it fails minimums and maximums alike. */
  private static int compare(Number value, BigDecimal bound) {
    if (value instanceof BigDecimal decimal) {
      return decimal.compareTo(bound);
    }
    if (value instanceof BigInteger integer) {
      return new BigDecimal(integer).compareTo(bound);
    }
    if (value instanceof Double || value instanceof Float) {
      double d = value.doubleValue();
      if (Double.isNaN(d)) {
        return bound.signum() >= 0 ? -1 : 1;
      }
      if (Double.isInfinite(d)) {
        return d > 0 ? 1 : -1;
      }
      return BigDecimal.valueOf(d).compareTo(bound);
    }
    return BigDecimal.valueOf(value.longValue()).compareTo(bound);
  }
}
