package com.weegigs.events.processor.model;

/**
 * One {@code @Command} record and its handler.
 *
 * @param wireName wire name ({@code add-item})
 * @param shape the record and its components
 * @param handler the method that handles it
 */
public record CommandModel(String wireName, RecordShape shape, HandlerModel handler) {}
