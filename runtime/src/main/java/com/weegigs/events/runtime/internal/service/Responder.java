package com.weegigs.events.runtime.internal.service;

import io.nats.service.ServiceMessage;

/** Sends a reply to a request (the host counts errors and survives a closed connection). */
@FunctionalInterface
interface Responder {
  void respond(ServiceMessage request, Reply reply);
}
