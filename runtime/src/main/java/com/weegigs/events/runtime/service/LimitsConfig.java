package com.weegigs.events.runtime.service;

/**
 * Limits on what a request may be.
 *
 * @param maxPayloadBytes largest request body accepted; larger ones get {@code PAYLOAD_TOO_LARGE}. 1 to 64 MiB.
 */
public record LimitsConfig(int maxPayloadBytes) {
  /** Default largest body: 512 KiB (below the NATS server's default 1 MB, so the service decides). */
  public static final int DEFAULT_MAX_PAYLOAD_BYTES = 512 * 1024;

  /** @throws IllegalArgumentException naming every problem */
  public LimitsConfig {
    new ConfigProblems("LimitsConfig")
        .check(maxPayloadBytes < 1 || maxPayloadBytes > 64 * 1024 * 1024,
            "maxPayloadBytes must be between 1 and 67108864, was " + maxPayloadBytes)
        .throwIfAny();
  }

  /** The defaults. */
  public static LimitsConfig defaults() {
    return new LimitsConfig(DEFAULT_MAX_PAYLOAD_BYTES);
  }
}
