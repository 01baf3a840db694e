package com.weegigs.events.benchmarks.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nats.client.Connection;
import io.nats.client.Message;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One aggregate type's counters from a service's {@code {service}.stats} (one instance answers:
 * the benchmarks run one), as {@code docs/wire-contract.md} describes them.
 *
 * @param cacheHits loads that found the state in the state cache
 * @param cacheMisses loads that did not
 * @param rehydrations states rebuilt from the store (from a snapshot and the events after it, or from the start)
 * @param rehydrationNanos the time those took, in all
 */
record ServiceStats(long cacheHits, long cacheMisses, long rehydrations, long rehydrationNanos) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  /** Asks {@code {service}.stats} and returns the counters of the aggregate type {@code type}. */
  static ServiceStats read(Connection connection, String service, String type) throws IOException, InterruptedException {
    Message reply = connection.request(service + ".stats", new byte[0], TIMEOUT);
    if (reply == null) {
      throw new IOException(service + ".stats did not answer within " + TIMEOUT.toMillis() + " ms");
    }
    for (JsonNode aggregate : JSON.readTree(reply.getData()).path("aggregates")) {
      if (aggregate.path("type").asText().equals(type)) {
        return new ServiceStats(aggregate.path("cacheHits").asLong(), aggregate.path("cacheMisses").asLong(),
            aggregate.path("rehydrations").asLong(), aggregate.path("rehydrationNanos").asLong());
      }
    }
    throw new IOException(service + ".stats has no aggregate type '" + type + "'");
  }

  /** The state cache's share of loads that hit it; NaN before any load. */
  double hitRate() {
    long loads = cacheHits + cacheMisses;
    return loads == 0 ? Double.NaN : (double) cacheHits / loads;
  }

  /** {@code cache_hits}, {@code cache_misses} and {@code cache_hit_rate}, for a {@code RESULT} line. */
  Map<String, String> cacheFigures() {
    Map<String, String> figures = new LinkedHashMap<>();
    figures.put("cache_hits", Long.toString(cacheHits));
    figures.put("cache_misses", Long.toString(cacheMisses));
    figures.put("cache_hit_rate", String.format(Locale.ROOT, "%.4f", hitRate()));
    return figures;
  }
}
