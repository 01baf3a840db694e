package com.weegigs.events.example.probes;

import com.weegigs.events.annotations.Aggregate;
import com.weegigs.events.annotations.Initial;
import com.weegigs.events.annotations.Reducer;

/**
 * The {@code probe} aggregate: counts the commands that got through.
 *
 * @param id the probe's key
 * @param pokes how many {@code poke} and {@code hold} commands succeeded
 */
@Aggregate(type = "probe")
public record Probe(String id, int pokes) {

  /** A probe nobody has touched. */
  @Initial
  static Probe fresh(String key) {
    return new Probe(key, 0);
  }

  /** Counts one more. */
  @Reducer
  Probe on(Poked event) {
    return new Probe(id, pokes + 1);
  }
}
