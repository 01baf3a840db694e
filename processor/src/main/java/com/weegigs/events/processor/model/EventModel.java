package com.weegigs.events.processor.model;

import java.util.List;

/**
 * One {@code @Event} record and its reducer.
 *
 * @param wireName wire name ({@code item-added})
 * @param version the version of its stored shape ({@code @Event(version)}, from 1)
 * @param shape the record and its components
 * @param reducer the method that applies it
 * @param upcasters one per older version, in order: the one from version 1 first; empty at version 1,
 *     and empty for an event of an API aggregate that a module implements, which writes only the stub
 *     (the API's codecs run its upcasters)
 */
public record EventModel(String wireName, int version, RecordShape shape, ReducerModel reducer, List<UpcasterModel> upcasters) {
  public EventModel {
    upcasters = List.copyOf(upcasters);
    if (!upcasters.isEmpty() && upcasters.size() != version - 1) {
      throw new IllegalArgumentException("event " + wireName + " at version " + version + " has " + upcasters.size() + " upcasters");
    }
  }

  /** An event without upcasters. */
  public EventModel(String wireName, int version, RecordShape shape, ReducerModel reducer) {
    this(wireName, version, shape, reducer, List.of());
  }
}
