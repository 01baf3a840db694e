/**
 * A small service that exists only for the end-to-end tests: its handlers fail on purpose
 * ({@code explode}, for {@code INTERNAL}) or wait at a gate the test controls ({@code hold}, for
 * saturation and shutdown with requests in flight). It is compiled by the same annotation
 * processor as the receipts service, from the test sources.
 */
@Service(name = "probes", version = "1.0.0", title = "Test probes")
package com.weegigs.events.example.probes;

import com.weegigs.events.annotations.Service;
