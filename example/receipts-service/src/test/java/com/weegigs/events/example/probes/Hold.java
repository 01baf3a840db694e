package com.weegigs.events.example.probes;

import com.weegigs.events.annotations.Command;

/** Waits at the test's {@link Gate} before recording a {@link Poked} ({@code hold}). */
@Command(aggregate = Probe.class)
public record Hold() {}
