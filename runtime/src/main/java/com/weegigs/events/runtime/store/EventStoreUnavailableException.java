package com.weegigs.events.runtime.store;

/** The store cannot be reached or cannot answer now; the service answers {@code UNAVAILABLE}. */
public class EventStoreUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** With a message saying what could not be done. */
  public EventStoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
