/**
 * The configuration of {@link com.weegigs.events.runtime.NatsService}: one immutable record per
 * feature ({@code withX(...)} on its builder), each naming every invalid value at once, with
 * {@code defaults()} for the values used when a feature is not configured; and the request
 * pipeline's extension point, {@link com.weegigs.events.runtime.service.RequestInterceptor}, with
 * the {@link com.weegigs.events.runtime.service.RequestContext} it sees.
 */
package com.weegigs.events.runtime.service;
