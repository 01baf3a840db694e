package com.weegigs.events.runtime.internal.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** {@link Telemetry#activate}: what is current, and in the MDC, while a request runs and after it. */
class TelemetryActivateTest {
  private static final ContextKey<String> KEY = ContextKey.named("test");

  @Test
  void theRootContextIsCurrentDuringTheScopeWhateverWasCurrentBefore() {
    // a thread with no context: nothing to switch
    try (Scope scope = Telemetry.activate(Context.root())) {
      assertSame(Context.root(), Context.current());
    }
    assertSame(Context.root(), Context.current());

    // a thread with another context current: the root replaces it, and it comes back afterwards
    Context other = Context.root().with(KEY, "outer");
    try (Scope outer = other.makeCurrent()) {
      try (Scope scope = Telemetry.activate(Context.root())) {
        assertSame(Context.root(), Context.current());
      }
      assertSame(other, Context.current());
    }
  }

  @Test
  void aContextWithASpanIsCurrentWithItsIdsInTheMdcUntilTheScopeCloses() {
    SpanContext span = SpanContext.create(
        "0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", TraceFlags.getSampled(), TraceState.getDefault());
    Context traced = Context.root().with(Span.wrap(span));
    try (Scope scope = Telemetry.activate(traced)) {
      assertSame(traced, Context.current());
      assertEquals("0af7651916cd43dd8448eb211c80319c", MDC.get(Telemetry.MDC_TRACE_ID));
      assertEquals("b7ad6b7169203331", MDC.get(Telemetry.MDC_SPAN_ID));
    }
    assertSame(Context.root(), Context.current());
    assertNull(MDC.get(Telemetry.MDC_TRACE_ID));
    assertNull(MDC.get(Telemetry.MDC_SPAN_ID));
  }
}
