package com.weegigs.events.runtime.internal.concurrent;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** What failed a future, under the wrappers that futures put around it. */
public final class Completions {
  private Completions() {}

  /**
   * {@code failure} without its {@link CompletionException} and {@link ExecutionException}
   * wrappers, however deep; a wrapper without a cause is returned as it is.
   */
  public static Throwable cause(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
