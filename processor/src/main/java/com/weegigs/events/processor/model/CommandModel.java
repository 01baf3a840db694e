package com.weegigs.events.processor.model;

/**
 * One {@code @Command} record and its handler.
 *
 * @param wireName wire name ({@code add-item})
 * @param shape the record and its components
 * @param handler the method that handles it
 * @param access who may send it (from the record or its handler)
 */
public record CommandModel(String wireName, RecordShape shape, HandlerModel handler, AccessModel access) {
  /** A command every authenticated caller may send. */
  public CommandModel(String wireName, RecordShape shape, HandlerModel handler) {
    this(wireName, shape, handler, AccessModel.PERMIT_ALL);
  }
}
