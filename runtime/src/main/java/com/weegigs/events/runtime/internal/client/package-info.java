/**
 * The workings behind {@link com.weegigs.events.runtime.client.ServiceClient}: sending requests
 * with the contract's headers and the call's own timeout, turning replies into results or typed
 * exceptions, opening connections, keeping live subscriptions and pulling durable ones from
 * JetStream (with their dead letters). Not an API for users; the client package is.
 */
package com.weegigs.events.runtime.internal.client;
