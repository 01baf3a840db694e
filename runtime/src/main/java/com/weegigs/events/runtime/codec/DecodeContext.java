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
  private final StringBuilder path = new StringBuilder();
  private int[] marks = new int[8];
  private int depth;
  private List<Violation> violations;

  /** A context whose paths start at the root. */
  public DecodeContext() {}

  /** A context whose paths start below {@code root}, such as {@code command}. */
  public DecodeContext(String root) {
    path.append(root);
  }

  /** Enters a field. */
  public void push(String field) {
    mark();
    if (path.length() > 0) {
      path.append('.');
    }
    path.append(field);
  }

  /** Enters an element of an array. */
  public void pushIndex(int index) {
    mark();
    path.append('[').append(index).append(']');
  }

  /** Leaves the last field or element entered. */
  public void pop() {
    if (depth == 0) {
      throw new IllegalStateException("pop without push");
    }
    depth--;
    path.setLength(marks[depth]);
  }

  /** Records a violation at the current path. */
  public void violation(String message) {
    violationAt(path.toString(), message);
  }

  /** Records a violation at the current path extended by {@code field}. */
  public void violation(String field, String message) {
    violationAt(path.length() == 0 ? field : path + "." + field, message);
  }

  private void violationAt(String at, String message) {
    if (violations == null) {
      violations = new ArrayList<>(4);
    }
    violations.add(new Violation(at, message));
  }

  /** The current path, for messages. */
  public String path() {
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

  private void mark() {
    if (depth == marks.length) {
      marks = Arrays.copyOf(marks, depth * 2);
    }
    marks[depth++] = path.length();
  }
}
