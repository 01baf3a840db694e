/**
 * Per-request authentication: verifies bearer tokens (JWTs, with nimbus-jose-jwt) as
 * {@link com.weegigs.events.runtime.service.AuthenticationConfig} says, and checks a command's or
 * query's {@link com.weegigs.events.runtime.definition.Access} rule. Not exported.
 */
package com.weegigs.events.runtime.internal.auth;
