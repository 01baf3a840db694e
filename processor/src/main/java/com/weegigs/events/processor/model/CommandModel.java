package com.weegigs.events.processor.model;

import java.util.Optional;

/**
 * One {@code @Command} record and its handler.
 *
 * @param wireName wire name ({@code add-item})
 * @param shape the record and its components
 * @param handler the method that handles it; empty in the API of a service, which holds no handlers
 *     (and gets no stub)
 * @param access who may send it (from the record or its handler)
 */
public record CommandModel(String wireName, RecordShape shape, Optional<HandlerModel> handler, AccessModel access) {
  /** A command handled by {@code handler}, which every authenticated caller may send. */
  public CommandModel(String wireName, RecordShape shape, HandlerModel handler) {
    this(wireName, shape, Optional.of(handler), AccessModel.PERMIT_ALL);
  }
}
