/**
 * The configuration records of {@link com.weegigs.events.runtime.NatsService}, one per feature
 * ({@code withX(...)} on its builder). Each is immutable and its constructor names every invalid
 * value at once; {@code defaults()} gives the values used when a feature is not configured.
 */
package com.weegigs.events.runtime.service;
