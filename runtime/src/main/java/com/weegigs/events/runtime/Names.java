package com.weegigs.events.runtime;

import java.util.regex.Pattern;

/** The name grammar of the wire contract, shared by the runtime checks and the processor's docs. */
public final class Names {
  /** Rule for service, aggregate type, command and event names. */
  public static final String NAME_RULE = "lower-case letters, digits and '-', starting with a letter, 1 to 50 characters";

  /** Longest service, aggregate, command or event name. */
  public static final int MAX_NAME_LENGTH = 50;

  private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+(-[a-z0-9.-]+)?");

  private Names() {}

  /** Whether {@code name} is a valid service, aggregate type, command or event name. */
  public static boolean isValidName(String name) {
    // checked by hand (same rule as NAME): this runs for every request, and a regex match allocates
    if (name == null || name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
      return false;
    }
    char first = name.charAt(0);
    if (first < 'a' || first > 'z') {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code version} is a valid service version ({@code 1.0.0}, {@code 2.1.0-rc.1}). */
  public static boolean isValidVersion(String version) {
    return version != null && VERSION.matcher(version).matches();
  }
}
