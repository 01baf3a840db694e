package com.weegigs.events.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of one benchmark run: a scenario name followed by {@code --name value} pairs
 * and {@code --flag}s. Every option has a default so that a scenario can run with no options at
 * all, except {@code --nats-url} for the request scenarios.
 *
 * @param scenario the scenario (or {@code suite})
 * @param values every {@code --name value} given, by name without the dashes
 * @param flags every {@code --flag} given without a value
 */
public record RunOptions(String scenario, Map<String, String> values, List<String> flags) {

  /** Options that take no value. */
  private static final List<String> FLAG_NAMES = List.of("quick", "json", "help", "serve");

  /** Parses {@code args}; the first argument is the scenario. */
  public static RunOptions parse(String[] args) {
    if (args.length == 0) {
      throw new IllegalArgumentException("missing scenario");
    }
    Map<String, String> values = new LinkedHashMap<>();
    List<String> flags = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument '" + arg + "'");
      }
      String name = arg.substring(2);
      int equals = name.indexOf('=');
      if (equals > 0) {
        values.put(name.substring(0, equals), name.substring(equals + 1));
      } else if (FLAG_NAMES.contains(name)) {
        flags.add(name);
      } else if (i + 1 < args.length) {
        values.put(name, args[++i]);
      } else {
        throw new IllegalArgumentException("option --" + name + " needs a value");
      }
    }
    return new RunOptions(args[0], Map.copyOf(values), List.copyOf(flags));
  }

  /** The value of {@code --name}, or {@code fallback}. */
  public String string(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  /** The value of {@code --name}, which must be given. */
  public String required(String name) {
    String value = values.get(name);
    if (value == null) {
      throw new IllegalArgumentException("scenario " + scenario + " needs --" + name);
    }
    return value;
  }

  /** The integer value of {@code --name}, or {@code fallback}. */
  public int integer(String name, int fallback) {
    String value = values.get(name);
    return value == null ? fallback : Integer.parseInt(value);
  }

  /** The comma-separated integers of {@code --name} (such as {@code 1,16,64}), or {@code fallback}. */
  public List<Integer> integers(String name, List<Integer> fallback) {
    String value = values.get(name);
    if (value == null) {
      return fallback;
    }
    List<Integer> numbers = new ArrayList<>();
    for (String part : value.split(",")) {
      numbers.add(Integer.parseInt(part.trim()));
    }
    return List.copyOf(numbers);
  }

  /** The decimal value of {@code --name}, or {@code fallback}. */
  public double decimal(String name, double fallback) {
    String value = values.get(name);
    return value == null ? fallback : Double.parseDouble(value);
  }

  /** Whether {@code --name} was given as a flag. */
  public boolean flag(String name) {
    return flags.contains(name);
  }
}
