package com.weegigs.events.processor.model;

/**
 * One {@code @Event} record and its reducer.
 *
 * @param wireName wire name ({@code item-added})
 * @param version the version of its stored shape ({@code @Event(version)}, from 1)
 * @param shape the record and its components
 * @param reducer the method that applies it
 */
public record EventModel(String wireName, int version, RecordShape shape, ReducerModel reducer) {}
