package com.weegigs.events.runtime.internal.telemetry;

import com.weegigs.events.runtime.internal.wire.SealedHeaders;
import io.nats.client.impl.Headers;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;

/** NATS headers as a carrier of the trace context: read from a received message, written into sealed headers. */
final class NatsHeaders {
  private NatsHeaders() {}

  static final TextMapGetter<Headers> GETTER = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(Headers carrier) {
      return carrier.keySet();
    }

    @Override
    public String get(Headers carrier, String key) {
      return carrier == null ? null : carrier.getFirst(key);
    }
  };

  static final TextMapSetter<SealedHeaders> SETTER = (carrier, key, value) -> {
    if (carrier != null && value != null) {
      carrier.put(key, value);
    }
  };

  static final TextMapSetter<Headers> STORE_SETTER = (carrier, key, value) -> {
    if (carrier != null && value != null) {
      carrier.put(key, value);
    }
  };
}
