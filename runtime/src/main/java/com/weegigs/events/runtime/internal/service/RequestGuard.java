package com.weegigs.events.runtime.internal.service;

import com.weegigs.events.runtime.error.ServiceException;
import io.nats.client.Message;

/**
 * A check every request passes before its handler runs, on a worker thread: the place where
 * authentication, authorization, rate limits and circuit breakers plug in. Throwing a
 * {@link ServiceException} answers the request with that error.
 */
@FunctionalInterface
public interface RequestGuard {
  /**
   * @param endpoint what the request is for
   * @param message the request
   * @throws ServiceException to refuse it
   */
  void check(EndpointInfo endpoint, Message message);

  /**
   * What an endpoint serves.
   *
   * @param kind {@code command}, {@code query} or {@code health}
   * @param aggregate the aggregate type, or {@code null} for health
   * @param command the command, or {@code null}
   * @param subject the endpoint's subject
   */
  record EndpointInfo(String kind, String aggregate, String command, String subject) {}
}
