/**
 * The processor's plain, immutable model of a service: what the readers build from
 * {@code Element}s, what the validators check, and the only thing the writers see. Writers never
 * look at {@code Element}s.
 */
package com.weegigs.events.processor.model;
