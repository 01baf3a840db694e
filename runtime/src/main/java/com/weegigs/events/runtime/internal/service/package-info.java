/**
 * How {@link com.weegigs.events.runtime.NatsService} runs: the micro service host, the command and
 * query pipeline of each aggregate, the state cache, the reply cache for repeated commands, and
 * admission and shutdown. Not an API: it may change in any release.
 */
package com.weegigs.events.runtime.internal.service;
