package com.weegigs.events.benchmarks.client;

import com.weegigs.events.runtime.service.SpanDetail;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.MemoryMode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The OpenTelemetry set-up of {@code client-inmem} and its telemetry rows, given to the service
 * and the client alike (one SDK for both, as one process would have).
 *
 * <ul>
 *   <li>{@link #PLAIN} ({@code client-inmem}): no SDK, {@link OpenTelemetry#noop()}, what a user
 *       without one gets from {@code GlobalOpenTelemetry}.
 *   <li>{@link #SAMPLING_OFF} ({@code client-inmem-otel-off}): an SDK with a tracer provider that
 *       samples nothing ({@link Sampler#alwaysOff()}) and the W3C propagators, and no metric reader (so
 *       the SDK's meter provider hands out no-op meters): the lean path of the wire contract with an
 *       SDK installed.
 *   <li>{@link #SAMPLING_ALL} ({@code client-inmem-otel-all}): every span sampled
 *       ({@link Sampler#alwaysOn()}) into a {@link BatchSpanProcessor} whose exporter counts and drops
 *       them, and the SDK's meter provider (the runtime records a request's counter and duration on
 *       every request and call) read every 10 s into an exporter that drops the metrics: the cost of
 *       making spans and measurements, not of exporting them.
 *   <li>{@link #SAMPLING_ALL_REQUEST_SPANS} ({@code client-inmem-otel-request}): the same SDK, and a
 *       service that makes one span per request ({@link SpanDetail#REQUEST}) instead of one per step.
 * </ul>
 */
public enum ClientTelemetry {
  /** No SDK. */
  PLAIN,
  /** An SDK that samples no trace. */
  SAMPLING_OFF,
  /** An SDK that samples every trace, with metrics. */
  SAMPLING_ALL,
  /** An SDK that samples every trace, with metrics, and a service that makes one span per request. */
  SAMPLING_ALL_REQUEST_SPANS;

  /** How often the periodic reader collects the metrics of {@link #SAMPLING_ALL}. */
  static final Duration METRIC_INTERVAL = Duration.ofSeconds(10);

  /** The propagators of both SDKs: W3C trace context and baggage. */
  private static final ContextPropagators W3C = ContextPropagators.create(TextMapPropagator.composite(
      W3CTraceContextPropagator.getInstance(), W3CBaggagePropagator.getInstance()));

  /** The telemetry of a request scenario's name, {@code client-inmem} and its telemetry rows. */
  public static ClientTelemetry of(String scenario) {
    return switch (scenario) {
      case "client-inmem" -> PLAIN;
      case "client-inmem-otel-off" -> SAMPLING_OFF;
      case "client-inmem-otel-all" -> SAMPLING_ALL;
      case "client-inmem-otel-request" -> SAMPLING_ALL_REQUEST_SPANS;
      default -> throw new IllegalArgumentException("not a client-inmem scenario: " + scenario);
    };
  }

  /** How many spans the service makes for a sampled command. */
  SpanDetail spanDetail() {
    return this == SAMPLING_ALL_REQUEST_SPANS ? SpanDetail.REQUEST : SpanDetail.STEPS;
  }

  /** A fresh OpenTelemetry of this kind; close it to shut the SDK down. */
  Installed install() {
    DroppingSpans spans = new DroppingSpans();
    return switch (this) {
      case PLAIN -> new Installed(OpenTelemetry.noop(), null, spans, spanDetail());
      case SAMPLING_OFF -> {
        OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().setSampler(Sampler.alwaysOff()).build())
            .setPropagators(W3C)
            .build();
        yield new Installed(sdk, sdk, spans, spanDetail());
      }
      case SAMPLING_ALL, SAMPLING_ALL_REQUEST_SPANS -> {
        OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder()
                .setSampler(Sampler.alwaysOn())
                .addSpanProcessor(BatchSpanProcessor.builder(spans).build())
                .build())
            .setMeterProvider(SdkMeterProvider.builder()
                .registerMetricReader(
                    PeriodicMetricReader.builder(new DroppingMetrics()).setInterval(METRIC_INTERVAL).build())
                .build())
            .setPropagators(W3C)
            .build();
        yield new Installed(sdk, sdk, spans, spanDetail());
      }
    };
  }

  /**
   * An installed OpenTelemetry; {@code sdk} is null without one, {@code spans} its span exporter,
   * {@code spanDetail} how many spans the service makes for a sampled command.
   */
  record Installed(OpenTelemetry openTelemetry, OpenTelemetrySdk sdk, DroppingSpans spans, SpanDetail spanDetail)
      implements AutoCloseable {
    /** Hands every finished span to the exporter now (for tests; the batch processor otherwise waits). */
    void flush() {
      if (sdk != null) {
        sdk.getSdkTracerProvider().forceFlush().join(10, TimeUnit.SECONDS);
      }
    }

    /** Exports what is pending (into the dropping exporters) and shuts the SDK down. */
    @Override
    public void close() {
      if (sdk != null) {
        sdk.shutdown().join(10, TimeUnit.SECONDS);
      }
    }
  }

  /** Counts the spans handed to it and keeps none of them. */
  static final class DroppingSpans implements SpanExporter {
    private final LongAdder exported = new LongAdder();

    /** Spans exported so far. */
    long exported() {
      return exported.sum();
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> batch) {
      exported.add(batch.size());
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }

  /** Takes the collected metrics and keeps none of them. */
  static final class DroppingMetrics implements MetricExporter {
    @Override
    public CompletableResultCode export(Collection<MetricData> metrics) {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
      return AggregationTemporality.CUMULATIVE;
    }

    @Override
    public MemoryMode getMemoryMode() {
      // the exporter keeps nothing, so the SDK may reuse its metric objects from one collection to the next
      return MemoryMode.REUSABLE_DATA;
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}
