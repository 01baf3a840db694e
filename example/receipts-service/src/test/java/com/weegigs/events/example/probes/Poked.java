package com.weegigs.events.example.probes;

import com.weegigs.events.annotations.Event;

/**
 * A probe was poked ({@code poked}).
 *
 * @param by the command that did it, or who signed it ({@code null} when a {@code sign} left it out)
 */
@Event(aggregate = Probe.class)
public record Poked(String by) {}
