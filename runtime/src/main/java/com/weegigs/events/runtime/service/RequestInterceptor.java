package com.weegigs.events.runtime.service;

import com.weegigs.events.runtime.error.ServiceException;

/**
 * A check every request passes before the service acts on it: the place for authentication,
 * authorization and rate limits. Registered with {@code NatsService.Builder.withInterceptor}, and
 * run in the order registered, after the request's size, deadline and body have been checked (and,
 * when the service authenticates requests, after the bearer token and the command's roles) and
 * before the command is validated and run (the README's "request pipeline" lists every stage). For
 * bearer tokens and roles use {@code NatsService.Builder.withAuthentication} and the access
 * annotations rather than an interceptor; {@link RequestContext#principal()} is the verified caller.
 *
 * <p>Every request to the service's endpoints passes: commands, queries and the health check (let
 * health through by its {@link RequestContext#kind()} when load balancers call it without
 * credentials). The micro service's {@code $SRV} discovery requests do not.
 *
 * <p>To refuse a request, throw a {@link ServiceException}: the caller gets its code, message and
 * details as the wire contract's error reply (for example {@code ForbiddenException} for
 * {@code FORBIDDEN}, {@code UnauthenticatedException}, {@code RateLimitedException}), later
 * interceptors do not run and the command is not run. Any other exception is a bug in the
 * interceptor: the service logs it and answers {@code INTERNAL}, without the exception's text.
 *
 * <p>Interceptors run on the thread that runs the request, concurrently for different requests, so
 * they must be thread-safe; one that blocks holds a worker thread while it does.
 *
 * <pre>{@code
 * NatsService.builder(ReceiptsService.DESCRIPTOR)
 *     .withInterceptor(request -> {
 *       if (request.header("Authorization").isEmpty()) {
 *         throw new UnauthenticatedException("send an Authorization header");
 *       }
 *     })
 * }</pre>
 */
@FunctionalInterface
public interface RequestInterceptor {
  /**
   * Lets the request through by returning, or refuses it by throwing.
   *
   * @param request what the request is for
   * @throws ServiceException to refuse the request with that error
   */
  void intercept(RequestContext request);
}
