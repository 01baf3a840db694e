package com.weegigs.events.runtime.error;

import com.weegigs.events.runtime.validation.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code VALIDATION_FAILED} (400): the payload breaks its declared constraints;
 * {@link #violations()} lists every one ({@code details.violations} on the wire).
 */
public class ValidationFailedException extends ServiceException {
  private static final long serialVersionUID = 1L;

  private final transient List<Violation> violations;

  /**
   * @param message what a person should read, such as {@code command add-item is not valid}
   * @param violations every broken constraint
   */
  public ValidationFailedException(String message, List<Violation> violations) {
    super(ErrorCode.VALIDATION_FAILED, message, Map.of("violations", toDetails(violations)));
    this.violations = List.copyOf(violations);
  }

  /**
   * Rebuilds the exception from an error reply's details.
   *
   * @param message what a person should read
   * @param details the reply's details; {@code violations} is read from them when present
   */
  public ValidationFailedException(String message, Map<String, Object> details) {
    super(ErrorCode.VALIDATION_FAILED, message, details);
    this.violations = fromDetails(details);
  }

  /** Every broken constraint, in the order the service found them; empty when it sent none. */
  public List<Violation> violations() {
    return violations;
  }

  private static List<Object> toDetails(List<Violation> violations) {
    List<Object> list = new ArrayList<>(violations.size());
    for (Violation violation : violations) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("path", violation.path());
      entry.put("message", violation.message());
      list.add(entry);
    }
    return list;
  }

  private static List<Violation> fromDetails(Map<String, Object> details) {
    Object value = details.get("violations");
    if (!(value instanceof List<?> list)) {
      return List.of();
    }
    List<Violation> violations = new ArrayList<>(list.size());
    for (Object item : list) {
      if (item instanceof Map<?, ?> entry) {
        Object path = entry.get("path");
        Object message = entry.get("message");
        violations.add(new Violation(path == null ? "" : path.toString(), message == null ? "" : message.toString()));
      }
    }
    return List.copyOf(violations);
  }
}
