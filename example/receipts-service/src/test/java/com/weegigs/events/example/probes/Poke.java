package com.weegigs.events.example.probes;

import com.weegigs.events.annotations.Command;

/** Records a {@link Poked} at once ({@code poke}). */
@Command(aggregate = Probe.class)
public record Poke() {}
