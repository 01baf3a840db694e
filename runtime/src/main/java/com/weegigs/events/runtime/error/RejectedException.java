package com.weegigs.events.runtime.error;

import java.util.Map;

/**
 * A command refused by a business rule ({@code REJECTED}, 422). Handlers throw it; clients catch it.
 *
 * <pre>{@code
 * if (state.status() != Status.OPEN) {
 *   throw new RejectedException("invalid-receipt-state", "Cannot perform operation 'add-item' on closed receipt");
 * }
 * }</pre>
 */
public class RejectedException extends ServiceException {
  private static final long serialVersionUID = 1L;

  private final String reason;

  /**
   * @param reason the rule's kebab-case name, sent as {@code details.reason}
   * @param message what a person should read
   */
  public RejectedException(String reason, String message) {
    super(ErrorCode.REJECTED, message, Map.of("reason", reason));
    this.reason = reason;
  }

  /**
   * Rebuilds the exception from an error reply, keeping every detail the service sent.
   *
   * @param message what a person should read
   * @param details the reply's details; {@code reason} is read from them ({@code rejected} when absent)
   */
  public RejectedException(String message, Map<String, Object> details) {
    super(ErrorCode.REJECTED, message, details);
    Object value = details.get("reason");
    this.reason = value == null ? "rejected" : value.toString();
  }

  /** The rule's kebab-case name, such as {@code item-not-found}. */
  public String reason() {
    return reason;
  }
}
