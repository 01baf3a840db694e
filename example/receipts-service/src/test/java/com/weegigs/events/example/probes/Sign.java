package com.weegigs.events.example.probes;

import com.weegigs.events.annotations.Command;

/**
 * Records a {@link Poked} by whoever signed it ({@code sign}).
 *
 * @param by who signed: an optional field with no constraint, so a request may leave it out
 */
@Command(aggregate = Probe.class)
public record Sign(String by) {}
