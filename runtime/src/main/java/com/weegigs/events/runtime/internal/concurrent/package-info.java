/**
 * Small helpers for the runtime's futures, shared by the client, the service and the stores. Not
 * an API: it may change in any release.
 */
package com.weegigs.events.runtime.internal.concurrent;
