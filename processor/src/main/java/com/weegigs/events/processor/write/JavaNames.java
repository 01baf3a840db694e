package com.weegigs.events.processor.write;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.SourceVersion;

/** Turns wire and Java names into the identifiers generated code uses, and keeps them unique. */
final class JavaNames {
  private JavaNames() {}

  /** {@code add-item} or {@code AddItem} as a constant name: {@code ADD_ITEM}. */
  static String upperSnake(String name) {
    StringBuilder out = new StringBuilder(name.length() + 8);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '-' || c == '.' || c == '$') {
        out.append('_');
        continue;
      }
      if (Character.isUpperCase(c) && i > 0) {
        char previous = name.charAt(i - 1);
        boolean nextIsLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
        if (Character.isLowerCase(previous) || Character.isDigit(previous) || (Character.isUpperCase(previous) && nextIsLower)) {
          out.append('_');
        }
      }
      out.append(Character.toUpperCase(c));
    }
    return out.toString();
  }

  /** {@code AddItem} as a method or variable name: {@code addItem}; {@code URLCheck} becomes {@code urlCheck}. */
  static String lowerCamel(String simpleName) {
    int upper = 0;
    while (upper < simpleName.length() && Character.isUpperCase(simpleName.charAt(upper))) {
      upper++;
    }
    if (upper == 0) {
      return simpleName;
    }
    if (upper > 1 && upper < simpleName.length()) {
      upper--; // keep the capital that starts the next word: URLCheck -> urlCheck
    }
    return simpleName.substring(0, upper).toLowerCase(Locale.ROOT) + simpleName.substring(upper);
  }

  /** {@code name} with its first letter in upper case. */
  static String capitalize(String name) {
    return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  /** Hands out identifiers that are unique within one scope and are never Java keywords. */
  static final class Allocator {
    private final Set<String> taken = new HashSet<>();

    Allocator(String... reserved) {
      taken.addAll(Set.of(reserved));
    }

    /** {@code preferred}, or {@code preferred + suffix}, or that with a number, whichever is free first. */
    String allocate(String preferred, String suffix) {
      String candidate = preferred;
      if (SourceVersion.isKeyword(candidate) || taken.contains(candidate)) {
        candidate = preferred + suffix;
      }
      int counter = 2;
      String base = candidate;
      while (SourceVersion.isKeyword(candidate) || taken.contains(candidate)) {
        candidate = base + counter++;
      }
      taken.add(candidate);
      return candidate;
    }
  }
}
