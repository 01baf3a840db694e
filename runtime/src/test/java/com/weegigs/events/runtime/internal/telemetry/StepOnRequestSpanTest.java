package com.weegigs.events.runtime.internal.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.runtime.fixtures.TestTelemetry;
import com.weegigs.events.runtime.service.SpanDetail;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.ReadableSpan;
import org.junit.jupiter.api.Test;

/** A step recorded on the request's span ({@link SpanDetail#REQUEST}), without NATS. */
class StepOnRequestSpanTest {
  @Test
  void aStepWritesToTheRequestsSpanEndsNothingAndIsNeverInAContextAsItself() {
    try (TestTelemetry sdk = new TestTelemetry()) {
      Telemetry telemetry = Telemetry.of(sdk.sdk(), SpanDetail.REQUEST);
      Span request = sdk.sdk().getTracer("test").spanBuilder("request").startSpan();
      try (Scope scope = request.makeCurrent()) {
        Span step = telemetry.startSpan("load", "counter");

        step.setAttribute(Telemetry.LOAD_SOURCE, "cache");
        step.end();

        assertEquals("cache", ((ReadableSpan) request).getAttribute(AttributeKey.stringKey("wee.load.source")));
        assertFalse(((ReadableSpan) request).hasEnded(), "ending the step does not end the request's span");
        assertSame(request, Span.fromContext(Context.root().with(step)), "a context holds the request's span");
        assertEquals(request.getSpanContext(), step.getSpanContext());
        assertTrue(step.isRecording());
      } finally {
        request.end();
      }
    }
  }
}
