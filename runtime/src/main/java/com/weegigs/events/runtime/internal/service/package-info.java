/**
 * How {@link com.weegigs.events.runtime.NatsService} runs on NATS: the micro service host, its
 * endpoints, the request pipeline every request goes through to the command core, admission,
 * event publication and shutdown. Not an API: it may change in any release.
 */
package com.weegigs.events.runtime.internal.service;
