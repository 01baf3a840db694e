package com.weegigs.events.example.probes;

import com.weegigs.events.annotations.CommandHandler;
import java.util.Objects;

/** Handlers of the probe: two record at once, one fails unexpectedly, one waits at a {@link Gate}. */
public final class ProbeHandlers {
  /** Text of the exception {@code explode} throws; it must never reach a caller. */
  public static final String SECRET = "secret internal detail";

  private final Gate gate;

  /** @param gate where {@code hold} waits */
  public ProbeHandlers(Gate gate) {
    this.gate = Objects.requireNonNull(gate, "gate");
  }

  /** {@code poke}: records at once. */
  @CommandHandler
  public Poked poke(Probe state, Poke command) {
    return new Poked("poke");
  }

  /** {@code sign}: records at once, by the signer, who may be {@code null}. */
  @CommandHandler
  public Poked sign(Probe state, Sign command) {
    return new Poked(command.by());
  }

  /** {@code explode}: fails as a bug would. */
  @CommandHandler
  public Poked explode(Probe state, Explode command) {
    throw new IllegalStateException(SECRET + ": " + command.note());
  }

  /** {@code hold}: waits at the gate, then records. */
  @CommandHandler
  public Poked hold(Probe state, Hold command) {
    gate.pass();
    return new Poked("hold");
  }
}
