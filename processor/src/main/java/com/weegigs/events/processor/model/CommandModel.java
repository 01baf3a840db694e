package com.weegigs.events.processor.model;

import java.util.Optional;

/**
 * One {@code @Command} record and its handler.
 *
 * @param wireName wire name ({@code add-item})
 * @param shape the record and its components
 * @param handler the method that handles it; empty in the API of a service, which holds no handlers
 *     (and gets no stub)
 */
public record CommandModel(String wireName, RecordShape shape, Optional<HandlerModel> handler) {
  /** A command handled by {@code handler}. */
  public CommandModel(String wireName, RecordShape shape, HandlerModel handler) {
    this(wireName, shape, Optional.of(handler));
  }
}
