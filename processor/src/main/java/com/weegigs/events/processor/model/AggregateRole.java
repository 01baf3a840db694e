package com.weegigs.events.processor.model;

/**
 * What one compilation holds of an aggregate, and so which types it generates for it. Generated
 * types are never written twice: an implementation refers to those in the API jar.
 */
public enum AggregateRole {
  /** The records and the handlers, compiled together (a one-module service): every type. */
  COMPLETE,
  /** The API of a service ({@code @Service(api = true)}): records without handlers; every type but the stub. */
  API,
  /** The handlers of an API aggregate read from the class path: the stub alone. */
  IMPLEMENTATION
}
