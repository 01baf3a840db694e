package com.weegigs.events.runtime.internal.service;

import io.nats.client.Message;

/** Sends a reply to a request (the host counts errors and survives a closed connection). */
@FunctionalInterface
interface Responder {
  void respond(Message request, Reply reply);
}
