package com.weegigs.events.runtime.internal.wire;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

/**
 * ISO-8601 text of event timestamps, as {@link Instant#toString()} writes it. Formatting an
 * instant is costly and the events of one busy service share their millisecond, so the last
 * result is kept per thread.
 *
 * <p>Reading is costly too: {@link Instant#parse} goes through {@code DateTimeFormatter}
 * (a general parser that allocates as it goes), and every command request and recorded event
 * carries a timestamp. {@link #parseCanonicalUtc} reads the form written here directly and leaves
 * anything else (an offset, a leap second, a year past 9999) to the full parser.
 */
final class Timestamps {
  private static final ThreadLocal<Last> LAST = ThreadLocal.withInitial(Last::new);
  private static final int[] POWERS_OF_TEN = {
    1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000
  };

  /** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the years written with four digits and no sign. */
  private static final long MIN_SECOND = -62_167_219_200L;
  private static final long MAX_SECOND = 253_402_300_799L;

  private Timestamps() {}

  static String format(Instant instant) {
    Last last = LAST.get();
    if (last.text != null && last.seconds == instant.getEpochSecond() && last.nanos == instant.getNano()) {
      return last.text;
    }
    String text = formatUtc(instant);
    last.seconds = instant.getEpochSecond();
    last.nanos = instant.getNano();
    last.text = text;
    return text;
  }

  /**
   * Exactly {@link Instant#toString()} ({@code yyyy-MM-ddTHH:mm:ss[.fff[fff[fff]]]Z}), written
   * directly for the years 0 to 9999; {@code Instant.toString()} goes through
   * {@code DateTimeFormatter}, a general formatter that allocates as it goes, and every command
   * request carries a timestamp of its own.
   */
  static String formatUtc(Instant instant) {
    long seconds = instant.getEpochSecond();
    if (seconds < MIN_SECOND || seconds > MAX_SECOND) {
      return instant.toString();
    }
    long epochDay = Math.floorDiv(seconds, 86_400L);
    int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
    LocalDate date = LocalDate.ofEpochDay(epochDay);
    int nanos = instant.getNano();
    int fractionDigits = nanos == 0 ? 0 : nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
    byte[] text = new byte[20 + (fractionDigits == 0 ? 0 : fractionDigits + 1)];
    digits(text, 0, date.getYear(), 4);
    text[4] = '-';
    digits(text, 5, date.getMonthValue(), 2);
    text[7] = '-';
    digits(text, 8, date.getDayOfMonth(), 2);
    text[10] = 'T';
    digits(text, 11, secondOfDay / 3_600, 2);
    text[13] = ':';
    digits(text, 14, secondOfDay / 60 % 60, 2);
    text[16] = ':';
    digits(text, 17, secondOfDay % 60, 2);
    int at = 19;
    if (fractionDigits > 0) {
      text[at++] = '.';
      digits(text, at, nanos / POWERS_OF_TEN[9 - fractionDigits], fractionDigits);
      at += fractionDigits;
    }
    text[at] = 'Z';
    return new String(text, StandardCharsets.ISO_8859_1);
  }

  private static void digits(byte[] text, int at, int value, int count) {
    for (int i = at + count - 1; i >= at; i--) {
      text[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
  }

  /**
   * The instant written as {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, or {@code null} when
   * {@code text} is not exactly in that form or names no valid date and time.
   */
  static Instant parseCanonicalUtc(String text) {
    return parseCanonicalUtc(text.toCharArray(), 0, text.length());
  }

  /**
   * {@link #parseCanonicalUtc(String)} of {@code text[offset, offset + length)}: a parser's own
   * characters, read without making a string of them first.
   */
  static Instant parseCanonicalUtc(char[] text, int offset, int length) {
    int end = offset + length;
    if (length < 20 || length == 21 || length > 30 || text[end - 1] != 'Z'
        || text[offset + 4] != '-' || text[offset + 7] != '-' || text[offset + 10] != 'T'
        || text[offset + 13] != ':' || text[offset + 16] != ':') {
      return null;
    }
    int year = digits(text, offset, 4);
    int month = digits(text, offset + 5, 2);
    int day = digits(text, offset + 8, 2);
    int hour = digits(text, offset + 11, 2);
    int minute = digits(text, offset + 14, 2);
    int second = digits(text, offset + 17, 2);
    int nanos = 0;
    if (length > 20) {
      if (text[offset + 19] != '.') {
        return null;
      }
      int fractionDigits = length - 21;
      int fraction = digits(text, offset + 20, fractionDigits);
      if (fraction < 0) {
        return null;
      }
      nanos = fraction * POWERS_OF_TEN[9 - fractionDigits];
    }
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23
        || minute < 0 || minute > 59 || second < 0 || second > 59) {
      return null;
    }
    if (day > 28 && day > daysInMonth(year, month)) {
      return null; // 31 April and the like: the full parser words the error
    }
    return Instant.ofEpochSecond(epochDay(year, month, day) * 86_400L + hour * 3_600L + minute * 60L + second, nanos);
  }

  private static int daysInMonth(int year, int month) {
    if (month == 2) {
      return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
    }
    return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
  }

  /**
   * Days since 1970-01-01 of a valid proleptic Gregorian date ({@code year} 0 to 9999), as
   * {@code LocalDate.toEpochDay} counts them, without making a {@code LocalDate}.
   */
  private static long epochDay(int year, int month, int day) {
    // days from 0000-03-01 with March the first month, so the leap day ends a year (the civil-from-days method)
    int y = month <= 2 ? year - 1 : year;
    int era = Math.floorDiv(y, 400);
    int yearOfEra = y - era * 400;
    int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146_097L + dayOfEra - 719_468L;
  }

  /** The decimal number in {@code text[from, from + count)}, or -1 if a character is not a digit. */
  private static int digits(char[] text, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = text[i];
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static final class Last {
    long seconds;
    int nanos;
    String text;
  }
}
