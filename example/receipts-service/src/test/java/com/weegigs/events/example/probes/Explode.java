package com.weegigs.events.example.probes;

import com.weegigs.events.annotations.Command;

/**
 * Makes the handler throw an unexpected exception ({@code explode}).
 *
 * @param note put in the exception's message, so a test can check it never reaches the caller
 */
@Command(aggregate = Probe.class)
public record Explode(String note) {}
