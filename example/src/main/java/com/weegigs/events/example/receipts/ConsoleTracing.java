package com.weegigs.events.example.receipts;

import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.exporter.logging.LoggingSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

/**
 * {@code --trace}: the OpenTelemetry SDK with every span printed as it ends, one line each on
 * standard error ({@code [trace] 'name' : trace-id span-id KIND ... attributes}), so a newcomer
 * sees the spans without running a collector. Registered as the global OpenTelemetry, which the
 * service and the client use when given none.
 */
final class ConsoleTracing {
  private ConsoleTracing() {}

  /** Installs the SDK globally; must run before anything asks for the global OpenTelemetry. */
  static void install() {
    // the logging exporter writes through java.util.logging: one line per span, without JUL's date line
    System.setProperty("java.util.logging.SimpleFormatter.format", "[trace] %5$s%n");
    OpenTelemetrySdk.builder()
        // the simple processor exports each span as it ends, so nothing waits in a buffer at exit
        .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(LoggingSpanExporter.create())).build())
        .setPropagators(ContextPropagators.create(TextMapPropagator.composite(
            W3CTraceContextPropagator.getInstance(), W3CBaggagePropagator.getInstance())))
        .buildAndRegisterGlobal();
  }
}
