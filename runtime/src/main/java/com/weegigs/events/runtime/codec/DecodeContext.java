package com.weegigs.events.runtime.codec;

import com.weegigs.events.runtime.validation.Violation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects the violations found while decoding, each with the JSON path where it was found.
 * Codecs {@link #push(String) push} a field name (or {@link #pushIndex(int) an index}) before they
 * read a nested value and {@link #pop() pop} it afterwards.
 */
public final class DecodeContext {
  // The path is kept as a stack of segments and turned into text only when a violation is recorded,
  // so that decoding valid input (the common case) never builds path strings.
  private final String root;
  private String[] names;
  private int[] indexes;
  private int depth;
  private List<Violation> violations;

  /** A context whose paths start at the root. */
  public DecodeContext() {
    this("");
  }

  /** A context whose paths start below {@code root}, such as {@code command}. */
  public DecodeContext(String root) {
    this.root = root;
  }

  /** Enters a field. */
  public void push(String field) {
    mark(field, -1);
  }

  /** Enters an element of an array. */
  public void pushIndex(int index) {
    mark(null, index);
  }

  /** Leaves the last field or element entered. */
  public void pop() {
    if (depth == 0) {
      throw new IllegalStateException("pop without push");
    }
    names[--depth] = null;
  }

  /** Records a violation at the current path. */
  public void violation(String message) {
    violationAt(path(), message);
  }

  /** Records a violation at the current path extended by {@code field}. */
  public void violation(String field, String message) {
    String at = path();
    violationAt(at.isEmpty() ? field : at + "." + field, message);
  }

  private void violationAt(String at, String message) {
    if (violations == null) {
      violations = new ArrayList<>(4);
    }
    violations.add(new Violation(at, message));
  }

  /** The current path, for messages. */
  public String path() {
    if (depth == 0) {
      return root;
    }
    StringBuilder path = new StringBuilder(root);
    for (int i = 0; i < depth; i++) {
      if (names[i] != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(names[i]);
      } else {
        path.append('[').append(indexes[i]).append(']');
      }
    }
    return path.toString();
  }

  /** Whether anything was wrong. */
  public boolean hasViolations() {
    return violations != null && !violations.isEmpty();
  }

  /**
   * How many violations were found so far. A record codec compares the count before and after
   * reading its fields and builds the record only when nothing new was wrong.
   */
  public int violationCount() {
    return violations == null ? 0 : violations.size();
  }

  /** Every violation found, in the order found. */
  public List<Violation> violations() {
    return violations == null ? List.of() : List.copyOf(violations);
  }

  private void mark(String name, int index) {
    if (names == null) {
      names = new String[8];
      indexes = new int[8];
    } else if (depth == names.length) {
      names = Arrays.copyOf(names, depth * 2);
      indexes = Arrays.copyOf(indexes, depth * 2);
    }
    names[depth] = name;
    indexes[depth++] = index;
  }
}
