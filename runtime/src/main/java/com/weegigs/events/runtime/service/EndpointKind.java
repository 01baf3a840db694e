package com.weegigs.events.runtime.service;

/** What an endpoint of a service serves, as its {@code wee.kind} metadata in {@code $SRV.INFO} says. */
public enum EndpointKind {
  /** One command of one aggregate type: {@code <service>.command.<aggregate>.<command>}. */
  COMMAND,
  /** The entity query of one aggregate type: {@code <service>.query.<aggregate>.get}. */
  QUERY,
  /** The service's health: {@code <service>.health}. */
  HEALTH
}
