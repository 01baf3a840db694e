/**
 * Circuit breakers (resilience4j) as both sides of a service use them: built from a
 * {@link com.weegigs.events.runtime.CircuitBreakerConfig}, with their state changes logged and
 * recorded through {@link com.weegigs.events.runtime.internal.telemetry.Telemetry}. Not API.
 */
package com.weegigs.events.runtime.internal.resilience;
