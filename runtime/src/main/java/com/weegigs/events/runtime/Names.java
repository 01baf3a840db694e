package com.weegigs.events.runtime;

import java.util.regex.Pattern;

/** The name grammar of the wire contract, shared by the runtime checks and the processor's docs. */
public final class Names {
  /** Rule for service, aggregate type, command and event names. */
  public static final String NAME_RULE = "lower-case letters, digits and '-', starting with a letter, 1 to 50 characters";

  /** Longest service, aggregate, command or event name. */
  public static final int MAX_NAME_LENGTH = 50;

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
  private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+(-[a-z0-9.-]+)?");

  private Names() {}

  /** Whether {@code name} is a valid service, aggregate type, command or event name. */
  public static boolean isValidName(String name) {
    return name != null && name.length() <= MAX_NAME_LENGTH && NAME.matcher(name).matches();
  }

  /** Whether {@code version} is a valid service version ({@code 1.0.0}, {@code 2.1.0-rc.1}). */
  public static boolean isValidVersion(String version) {
    return version != null && VERSION.matcher(version).matches();
  }
}
