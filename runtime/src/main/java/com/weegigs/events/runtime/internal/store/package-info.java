/**
 * What the command core knows of particular event stores beyond the
 * {@link com.weegigs.events.runtime.store.EventStore} SPI: optional capabilities it checks for once.
 * Not an API: it may change in any release.
 */
package com.weegigs.events.runtime.internal.store;
