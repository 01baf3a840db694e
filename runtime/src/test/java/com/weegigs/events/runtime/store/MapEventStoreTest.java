package com.weegigs.events.runtime.store;

/** The test double keeps the SPI's promises too. */
class MapEventStoreTest extends EventStoreContract {
  @Override
  protected EventStore newStore() {
    return new MapEventStore();
  }
}
