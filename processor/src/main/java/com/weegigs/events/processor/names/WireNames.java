package com.weegigs.events.processor.names;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The name grammar of the wire contract ({@code docs/wire-contract.md}, "Names") as pure functions: kebab-case
 * derivation of wire names from Java names, the checks (with a reason a person can act on), and
 * "did you mean" suggestions by edit distance.
 *
 * <p>Kebab-case rule: a Java name is split into words before an upper-case letter that follows a
 * lower-case letter or a digit ({@code addItem} → {@code add|Item}), and before the last upper-case
 * letter of a run that is followed by a lower-case letter ({@code HTTPServer} → {@code HTTP|Server});
 * {@code _} and {@code $} separate words and are dropped; a digit never starts a word, it stays with
 * the word before it ({@code Item2Added} → {@code Item2|Added}). The words are lower-cased
 * ({@link Locale#ROOT}) and joined with {@code -}.
 */
public final class WireNames {
  /** Longest service, aggregate, command or event name. */
  public static final int MAX_NAME_LENGTH = 50;

  /** The rule, as the messages state it. */
  public static final String NAME_RULE =
      "lower-case letters, digits and '-', starting with a letter, 1 to 50 characters";

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
  private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+(-[a-z0-9.-]+)?");

  private WireNames() {}

  /** The wire name of a Java name, by the rule in the class comment: {@code AddItem} → {@code add-item}. */
  public static String kebabCase(String javaName) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < javaName.length(); i++) {
      char c = javaName.charAt(i);
      if (c == '_' || c == '$') {
        flush(words, word);
        continue;
      }
      if (Character.isUpperCase(c) && word.length() > 0) {
        char previous = javaName.charAt(i - 1);
        boolean afterLowerOrDigit = Character.isLowerCase(previous) || Character.isDigit(previous);
        boolean endsAcronym = Character.isUpperCase(previous)
            && i + 1 < javaName.length()
            && Character.isLowerCase(javaName.charAt(i + 1));
        if (afterLowerOrDigit || endsAcronym) {
          flush(words, word);
        }
      }
      word.append(c);
    }
    flush(words, word);
    return String.join("-", words).toLowerCase(Locale.ROOT);
  }

  /**
   * The wire value of an enum constant, by the same rule as the runtime's
   * {@code ContainerCodecs.wireName}: its name lower-cased ({@link Locale#ROOT}) with {@code _} written as
   * {@code -} ({@code IN_PROGRESS} → {@code in-progress}). Unlike {@link #kebabCase}, it does not split
   * words, so {@code InProgress} is {@code inprogress}: the generated codecs, the JSON Schema and the
   * compile-time check of distinct values must all agree with the runtime.
   */
  public static String enumWireValue(String constantName) {
    return constantName.toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static void flush(List<String> words, StringBuilder word) {
    if (word.length() > 0) {
      words.add(word.toString());
      word.setLength(0);
    }
  }

  /** {@code PascalCase} of a wire name: {@code receipts} → {@code Receipts}, {@code order-book} → {@code OrderBook}. */
  public static String pascalCase(String wireName) {
    StringBuilder out = new StringBuilder();
    boolean upper = true;
    for (char c : wireName.toCharArray()) {
      if (c == '-' || c == '_' || c == '.' || c == ' ') {
        upper = true;
      } else if (Character.isLetterOrDigit(c)) {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }

  /** Whether {@code name} is a valid service, aggregate type, command or event name. */
  public static boolean isValidName(String name) {
    return name != null && name.length() <= MAX_NAME_LENGTH && NAME.matcher(name).matches();
  }

  /**
   * Why {@code name} is not a valid wire name, as a short phrase ("contains upper case"), or empty
   * when it is valid.
   */
  public static Optional<String> nameProblem(String name) {
    if (name == null || name.isEmpty()) {
      return Optional.of("it is empty");
    }
    if (name.length() > MAX_NAME_LENGTH) {
      return Optional.of("it has " + name.length() + " characters, more than " + MAX_NAME_LENGTH);
    }
    for (char c : name.toCharArray()) {
      if (c == '.' || c == '*' || c == '>') {
        return Optional.of("it contains '" + c + "'");
      }
      if (Character.isWhitespace(c)) {
        return Optional.of("it contains a space");
      }
      if (Character.isUpperCase(c)) {
        return Optional.of("it contains upper case");
      }
    }
    if (!Character.isLetter(name.charAt(0)) || name.charAt(0) > 'z') {
      return Optional.of("it does not start with a lower-case letter");
    }
    if (!NAME.matcher(name).matches()) {
      return Optional.of("it contains a character other than a-z, 0-9 and '-'");
    }
    return Optional.empty();
  }

  /**
   * A valid name close to an invalid one, to suggest: the kebab case of its letters and digits
   * ({@code "Add Item"} → {@code add-item}), cut after the last whole word within 50 characters; empty when nothing sensible remains.
   */
  public static Optional<String> suggestName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String cleaned = kebabCase(name.replaceAll("[^A-Za-z0-9]+", "_"));
    cleaned = cleaned.replaceAll("^[^a-z]+", "");
    if (cleaned.length() > MAX_NAME_LENGTH) {
      // Cut at the last whole word that fits.
      int cut = cleaned.lastIndexOf('-', MAX_NAME_LENGTH);
      cleaned = cleaned.substring(0, cut > 0 ? cut : MAX_NAME_LENGTH);
    }
    return isValidName(cleaned) ? Optional.of(cleaned) : Optional.empty();
  }

  /** Whether {@code version} is a semantic version the wire contract accepts ({@code 1.0.0}, {@code 2.1.0-rc.1}). */
  public static boolean isValidVersion(String version) {
    return version != null && VERSION.matcher(version).matches();
  }

  /** Levenshtein distance, case-insensitive. */
  public static int editDistance(String a, String b) {
    String x = a.toLowerCase(Locale.ROOT);
    String y = b.toLowerCase(Locale.ROOT);
    int[] previous = new int[y.length() + 1];
    int[] current = new int[y.length() + 1];
    for (int j = 0; j <= y.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= x.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= y.length(); j++) {
        int cost = x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[y.length()];
  }

  /**
   * The candidate closest to {@code name} by {@link #editDistance}, when it is close enough to be a
   * likely typo: at most a third of the longer name's length (at least one edit).
   */
  public static Optional<String> closest(String name, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates.stream().sorted().toList()) {
      int distance = editDistance(name, candidate);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    int limit = Math.max(1, Math.max(name.length(), best.length()) / 3);
    return bestDistance <= limit ? Optional.of(best) : Optional.empty();
  }
}
